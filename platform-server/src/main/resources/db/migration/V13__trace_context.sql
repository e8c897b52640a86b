-- The W3C traceparent of the webhook request that received the event (null when tracing is off):
-- the event's runs execute later, on other threads and instances, as children of that trace.
ALTER TABLE inbound_event ADD COLUMN trace_parent varchar(55);
