-- seq orders a subject's runs through run_open_subject_idx (tenant_id, subject_hash, seq); its own
-- unique index was never read (an identity column is unique by construction) but was written three
-- times per run: once on insert and again on each of the claim's and the outcome's updates, which
-- cannot be HOT updates because they change indexed columns.
ALTER TABLE run DROP CONSTRAINT run_seq_key;
