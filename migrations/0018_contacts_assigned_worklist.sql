-- Worklist "my contacts" (SPEC §3.7): active close contacts assigned to a tracer, newest first.
-- Contacts can now be assigned (PUT /api/contacts/{id}/assignee) as cases could.
CREATE INDEX contacts_assigned_idx ON contacts (kommune, assigned_to, created_at DESC, id DESC)
  WHERE status = 'active' AND assigned_to IS NOT NULL;
