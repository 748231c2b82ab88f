"""Notifications: one `notify()` service (stdlink.notify.services) for every capability, kinds
registered by the capabilities, per-user preferences, and channels (inbox, e-mail, Atom feed,
webhooks), one folder each under `channels/`."""
