import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, fieldErrorOf, TextAreaField, TextField } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { parseAttributes, parseTags, toFormValues } from '../utils/contact-form';

type Contact = RouterOutputs['contacts']['byId'];

/** Add a contact, or edit one: the phone is normalised by the server in the tenant's default country. */
export function ContactDialog({
  open,
  onClose,
  contact,
}: {
  open: boolean;
  onClose: () => void;
  contact?: Contact;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={contact ? `Edit ${contact.phone}` : 'Add a contact'}
      description="Numbers without a country code are read in your workspace's default country."
      testId="contact-dialog"
    >
      {open && <ContactForm contact={contact} onDone={onClose} />}
    </Dialog>
  );
}

function ContactForm({ contact, onDone }: { contact?: Contact; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => toFormValues(contact));
  const attributes = parseAttributes(values.attributes);
  const onSuccess = async () => {
    await queryClient.invalidateQueries(trpc.contacts.pathFilter());
    await queryClient.invalidateQueries(trpc.lists.pathFilter());
    onDone();
  };
  const create = useMutation(trpc.contacts.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.contacts.update.mutationOptions({ onSuccess }));
  const mutation = contact ? update : create;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (attributes.error) return;
    const input = {
      phone: values.phone,
      name: values.name.trim() || null,
      tags: parseTags(values.tags),
      attributes: attributes.attributes,
    };
    if (contact) update.mutate({ contactId: contact.id, ...input });
    else create.mutate(input);
  };
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <form onSubmit={onSubmit} noValidate className="ui-stack">
      {mutation.error && !fieldErrorOf(mutation.error, 'phone') && <ErrorBanner error={mutation.error} />}
      <TextField
        label="Phone"
        required
        autoFocus
        value={values.phone}
        onChange={set('phone')}
        hint="E.164 (+4915112345678) or a national number"
        error={fieldErrorOf(mutation.error, 'phone')}
        data-testid="contact-phone"
      />
      <TextField
        label="Name"
        value={values.name}
        onChange={set('name')}
        error={fieldErrorOf(mutation.error, 'name')}
        data-testid="contact-name"
      />
      <TextField
        label="Tags"
        value={values.tags}
        onChange={set('tags')}
        hint="Separated by commas"
        error={fieldErrorOf(mutation.error, 'tags')}
        data-testid="contact-tags"
      />
      <TextAreaField
        label="Attributes"
        rows={4}
        value={values.attributes}
        onChange={set('attributes')}
        hint="One per line: city = Berlin"
        error={attributes.error ?? fieldErrorOf(mutation.error, 'attributes')}
        data-testid="contact-attributes"
      />
      <DialogFooter>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={mutation.isPending} data-testid="contact-submit">
          {contact ? 'Save' : 'Add contact'}
        </Button>
      </DialogFooter>
    </form>
  );
}
