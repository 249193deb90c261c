import '@dbulk/ui/styles.css';
import { mountApp } from '@dbulk/web';
import { createAppRouter } from './router';

mountApp(createAppRouter());
