// Public surface of @dbulk/ui. Import the stylesheet once per app: `import '@dbulk/ui/styles.css'`.
export { AppShell, Avatar, Brand, initialsOf, NavGroup, navLinkClassName, type AppShellProps } from './components/app-shell';
export { AuthPage, type AuthPageProps } from './components/auth-page';
export { Badge, RoleBadge, StatusBadge, type BadgeTone } from './components/badge';
export { Button, IconButton, type ButtonProps, type IconButtonProps } from './components/button';
export { Card, DescriptionList, Stat, type CardProps } from './components/card';
export { ChartGrid, type ChartGridProps } from './components/chart-grid';
export { Dialog, DialogFooter, type DialogProps } from './components/dialog';
export { DropdownMenu, MenuItem, MenuLabel, MenuSeparator, type DropdownMenuProps } from './components/dropdown-menu';
export { AuditReasonField, ReasonDialog, type AuditReasonFieldProps, type ReasonDialogProps } from './components/reason-dialog';
export { EmptyState, NotFoundState, type EmptyStateProps } from './components/empty-state';
export { ErrorBanner, Notice, type ErrorBannerProps } from './components/error-banner';
export { Icon, type IconName } from './components/icons';
export {
  ChatPreview,
  formatWhatsAppText,
  MessageBubble,
  type MessageBubbleProps,
  type MessageButton,
  type MessageHeader,
  type MessagePart,
} from './components/message-preview';
export { PageHeader, type PageHeaderProps } from './components/page-header';
export { RouteErrorPanel, type RouteErrorPanelProps } from './components/route-error-panel';
export { SegmentedControl, type SegmentedControlProps, type SegmentOption } from './components/segmented-control';
export { Select, type SelectOption, type SelectProps } from './components/select';
export { SignInForm, type SignInCredentials, type SignInMutation } from './components/sign-in-form';
export { LoadingState, Spinner } from './components/spinner';
export { Table, type Column, type TableProps } from './components/table';
export { Timeline, type TimelineItem } from './components/timeline';
export { UserMenu, type SignOutMutation, type UserMenuProps } from './components/user-menu';
export { FieldFrame, TextAreaField, TextField, type TextAreaFieldProps, type TextFieldProps } from './components/text-field';
export { cx } from './lib/cx';
export {
  APP_CODE_MESSAGES,
  appCodeOf,
  errorDataOf,
  errorMessageOf,
  fieldErrorOf,
  fieldErrorsOf,
  isSessionError,
  sentence,
  trpcCodeOf,
  type ApiErrorData,
} from './lib/errors';
export { formatDateTime, formatDuration, formatRelativeTime, humanize } from './lib/format';
export { safeRedirectPath } from './lib/redirect';
