-- analysis_insert_requests: appends ledger rows, one per request sent (or batch line collected)
insert into analysis_requests by name
select * from incoming
