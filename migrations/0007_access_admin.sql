-- Access administration (SPEC §2): what the Administrator's user pages and the 90-day job need.

-- When an Administrator last gave a deactivated user access again. The 90-day inactivity job counts
-- from the latest of last login, creation and reactivation, so a user reactivated today is not
-- deactivated again tonight because their last login is still old.
ALTER TABLE users ADD COLUMN reactivated_at timestamptz;

-- Why a grant was revoked: 'changed' (roles or end date edited; a new row follows), 'deactivated'
-- (the user's access in that municipality was switched off; reactivation restores those roles).
-- Shown in the access review next to revoked_at/revoked_by.
ALTER TABLE user_roles ADD COLUMN revoke_reason text;
