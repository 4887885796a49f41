-- Key rotation: a replaced key keeps working until expires_at (null: no expiry), then authenticates nothing.
alter table herald_api_keys add column expires_at timestamptz;
