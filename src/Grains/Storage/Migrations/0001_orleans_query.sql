-- Catalogue of the SQL texts that Orleans' ADO.NET providers (clustering, grain persistence, reminders) run.
-- The providers look this table and its two columns up by their unquoted names, so they stay unquoted here;
-- every other table, function and column is known to Orleans only through the texts stored in it.
-- The providers read the catalogue once at start-up: after changing a text, restart silos and clients.
create table OrleansQuery (
    QueryKey  varchar(64)   not null constraint OrleansQuery_Key primary key,
    QueryText varchar(8000) not null
);
