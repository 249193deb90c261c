import { Card, DescriptionList } from '@dbulk/ui';

/** Where suppressions come from besides typed keywords, so the tenant knows what dbulk honours. */
export function OptOutSourcesCard({ marketingButtons }: { marketingButtons: string[] }) {
  return (
    <Card title="Other opt-outs dbulk honours" description="Every campaign skips suppressed contacts at start, and again just before each send.">
      <DescriptionList
        items={[
          { label: 'WhatsApp’s own control', value: 'A contact who stops your marketing messages in WhatsApp gets no marketing templates until they resume.' },
          { label: 'Quick-reply button', value: `Tapping ${marketingButtons.map((b) => `“${b.toLowerCase()}”`).join(', ')} stops marketing templates.` },
          { label: 'Meta error 131050', value: 'A send Meta refuses because the user stopped marketing messages suppresses marketing for them.' },
        ]}
      />
    </Card>
  );
}
