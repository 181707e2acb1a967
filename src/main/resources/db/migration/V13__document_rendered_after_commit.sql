-- A document's PDF is rendered after the step's transaction has committed, not inside it: the step
-- stores the document's layout (the XHTML the PDF is laid out from), and the PDF with its checksum
-- replaces the layout once rendered (Documents, DocumentStore.complete). Until then pdf and sha256
-- are NULL; a reader never sees that state, since reading renders a pending document first.
ALTER TABLE samverkan_document ADD COLUMN layout TEXT;
ALTER TABLE samverkan_document ALTER COLUMN pdf DROP NOT NULL;
ALTER TABLE samverkan_document ALTER COLUMN sha256 DROP NOT NULL;
-- Either rendered (PDF and its checksum) or waiting (its layout): never neither, never half.
ALTER TABLE samverkan_document ADD CONSTRAINT samverkan_document_rendered_or_waiting
  CHECK ((pdf IS NULL) = (sha256 IS NULL) AND (pdf IS NOT NULL OR layout IS NOT NULL));
