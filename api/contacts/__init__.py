"""Customers and leads — the 360° record (PRODUCT B1–B10).

* ``models``/``service``/``endpoints``: the contact itself (profile, address, geolocation,
  custom fields, owner, photo), conversion of a lead, trash, restore and purge;
* ``listing``: the list's search (accent- and typo-insensitive), filters, keyset pages, metrics;
* ``groups``: contact groups; ``bulk`` (+ ``tasks``): bulk actions, in the background past 1,000;
* ``sales``: the ``contact_sale`` table other domains fill (invoices, subscriptions, orders);
* ``timeline``: audit events, comments and notes as one feed;
* ``relations``: how companies and projects plug their filters and bulk actions into contacts;
* ``sections/``: comments, notes, alerts, files and reviews around a contact.
"""
