-- postings.reopened_at: when a closed posting was last listed again (null if it never came back)
alter table postings add column reopened_at timestamptz;
