-- boilerplate_texts: one row per open posting of a feed: the texts its boilerplate is learnt from
select v.description_text
from postings as p
join posting_versions as v on v.version_id = p.current_version_id
where p.source = $source and p.board = $board and p.closed_at is null
