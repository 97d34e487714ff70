"""The services catalogue (PRODUCT B6, E1): name, price, duration; and the services associated to
a contact (the "Servicios" tab of seed 001)."""
