export * from './contacts.dto';
export * from './contacts.errors';
export type { ContactsActor } from './contacts.actor';
export { normalizePhone, type PhoneResult } from './phone';
export {
  listContacts,
  contactById,
  createContact,
  updateContact,
  type ContactInput,
} from './contacts/contacts.service';
export { countContacts, type ContactQuery } from './contacts/contacts.repository';
export { setOptOut } from './contacts/opt-out.service';
export {
  listLists,
  createList,
  renameList,
  deleteList,
  addToList,
  removeFromList,
} from './lists/lists.service';
export { importContacts, DEFAULT_MAX_IMPORT_BYTES, type ImportInput } from './import/import-contacts';
export { listImports, importById, watchImport, type WatchOptions } from './import/imports.service';
export type { ColumnMapping } from './import/columns';
export type { RejectedRow } from './import/import-progress';
export { requireList } from './lists/lists.repository';
