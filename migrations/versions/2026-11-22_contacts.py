"""Contacts: customers and leads (the 360° record), their groups, sections (comments, notes,
alerts, files, reviews) and sales; additional (custom) fields; companies and projects; the
services catalogue.

Also the triggers that keep each contact's review counters and sales totals (so other domains
may insert into ``contact_sale`` with plain SQL and the list never aggregates at read time), and
the one that teaches each workspace's search dictionary (``contact_search_word``) the words of
its contacts' names and companies; and a larger statistics target on ``contact.search_words`` so
the planner knows which words are rare (see docs/performance.md).

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COUNTER_FUNCTIONS = ["""
CREATE FUNCTION contact_review_counters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE contact SET review_count = review_count - 1, rating_sum = rating_sum - OLD.rating
     WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE contact SET review_count = review_count + 1, rating_sum = rating_sum + NEW.rating
     WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
  END IF;
  RETURN NULL;
END $$
""", """
CREATE FUNCTION contact_sales_add(totals jsonb, currency text, delta numeric) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_set(totals, ARRAY[currency],
                   to_jsonb((COALESCE((totals ->> currency)::numeric, 0) + delta)::text))
$$
""", """
CREATE FUNCTION contact_sale_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE contact SET sales_totals = contact_sales_add(sales_totals, OLD.currency, -OLD.amount)
     WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE contact SET sales_totals = contact_sales_add(sales_totals, NEW.currency, NEW.amount)
     WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
  END IF;
  RETURN NULL;
END $$
"""]

COUNTER_TRIGGERS = ["""
CREATE TRIGGER contact_review_counters
AFTER INSERT OR DELETE OR UPDATE OF rating, contact_id ON contact_review
FOR EACH ROW EXECUTE FUNCTION contact_review_counters()
""", """
CREATE TRIGGER contact_sale_totals
AFTER INSERT OR DELETE OR UPDATE OF amount, currency, contact_id ON contact_sale
FOR EACH ROW EXECUTE FUNCTION contact_sale_totals()
"""]

SEARCH_FUNCTIONS = ["""
CREATE FUNCTION contact_name_words(first_name text, last_name text, company_names text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_remove(regexp_split_to_array(lower(f_unaccent($1 || ' ' || $2 || ' ' || $3)), '\\s+'), '')
$$
""", """
CREATE FUNCTION contact_search_words_learn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact_search_word (tenant_id, word)
  SELECT DISTINCT n.tenant_id, w
    FROM new_rows AS n, unnest(contact_name_words(n.first_name, n.last_name, n.company_names)) AS w
   WHERE length(w) BETWEEN 2 AND 100
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
"""]

SEARCH_TRIGGERS = ["""
CREATE TRIGGER contact_search_words_insert AFTER INSERT ON contact
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_search_words_learn()
""", """
CREATE TRIGGER contact_search_words_update AFTER UPDATE ON contact
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_search_words_learn()
""", "ALTER TABLE contact ALTER COLUMN search_words SET STATISTICS 1000"]


# The metrics' deltas (see ContactMetricDelta): one row per (kind, status, currency) group that a
# statement changed, from the live rows it removed (-1) and added (+1); nothing when they cancel.
METRIC_DELTA = """
INSERT INTO contact_metric_delta (tenant_id, kind, status, currency, contacts, reviews, rating_sum, amount)
SELECT tenant_id, kind, status, currency, sum(contacts), sum(reviews), sum(rating_sum), sum(amount)
  FROM (SELECT tenant_id, kind, status, '' AS currency, sign AS contacts, sign * review_count AS reviews,
               sign * rating_sum AS rating_sum, 0::numeric AS amount FROM changed
        UNION ALL
        SELECT c.tenant_id, c.kind, c.status, s.key, 0, 0, 0, c.sign * s.value::numeric
          FROM changed AS c, jsonb_each_text(c.sales_totals) AS s) AS d
 GROUP BY tenant_id, kind, status, currency
HAVING sum(contacts) <> 0 OR sum(reviews) <> 0 OR sum(rating_sum) <> 0 OR sum(amount) <> 0
"""
_LIVE = "SELECT tenant_id, kind, status, review_count, rating_sum, sales_totals, {sign} AS sign FROM {table} WHERE deleted_at IS NULL"
METRIC_SOURCES = {
    "insert": _LIVE.format(sign=1, table="new_rows"),
    "delete": _LIVE.format(sign=-1, table="old_rows"),
    "update": _LIVE.format(sign=-1, table="old_rows") + " UNION ALL " + _LIVE.format(sign=1, table="new_rows"),
}
METRIC_FUNCTIONS = [f"""
CREATE FUNCTION contact_metrics_on_{operation}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS ({source}) {METRIC_DELTA};
  RETURN NULL;
END $$
""" for operation, source in METRIC_SOURCES.items()]
METRIC_TRIGGERS = [f"""
CREATE TRIGGER contact_metrics_on_{operation} AFTER {operation.upper()} ON contact
REFERENCING {"NEW TABLE AS new_rows" if operation == "insert" else "OLD TABLE AS old_rows" if operation == "delete"
             else "OLD TABLE AS old_rows NEW TABLE AS new_rows"}
FOR EACH STATEMENT EXECUTE FUNCTION contact_metrics_on_{operation}()
""" for operation in METRIC_SOURCES]


def upgrade() -> None:
    op.create_table('company',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('tax_id', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('website', sa.String(length=200), nullable=True),
    sa.Column('description', sa.String(length=1000), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_company_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company')),
    sa.UniqueConstraint('tenant_id', 'id', name=op.f('uq_company_tenant_id_id'))
    )
    op.create_index('uq_company_tenant_name', 'company', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('contact_group',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=True),
    sa.Column('color', sa.String(length=7), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_group_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_group')),
    sa.UniqueConstraint('tenant_id', 'id', name=op.f('uq_contact_group_tenant_id_id'))
    )
    op.create_index('uq_contact_group_tenant_name', 'contact_group', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('contact_metric_delta',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), server_default='', nullable=False),
    sa.Column('contacts', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('reviews', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('rating_sum', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=2), server_default='0', nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_metric_delta_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_metric_delta'))
    )
    op.create_index('ix_contact_metric_delta_tenant', 'contact_metric_delta', ['tenant_id', 'kind', 'status'], unique=False)
    op.create_table('contact_search_word',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('word', sa.String(length=100, collation='C'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_search_word_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'word', name=op.f('pk_contact_search_word'))
    )
    op.create_index('ix_contact_search_word_trgm', 'contact_search_word', ['word'], unique=False, postgresql_using='gin', postgresql_ops={'word': 'gin_trgm_ops'})
    op.create_table('custom_field',
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('labels', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('required', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('options', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("entity IN ('contact', 'user')", name=op.f('ck_custom_field_entity_values')),
    sa.CheckConstraint("type IN ('text', 'number', 'date', 'boolean', 'select', 'multiselect')", name=op.f('ck_custom_field_type_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_custom_field_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_field')),
    sa.UniqueConstraint('tenant_id', 'entity', 'key', name=op.f('uq_custom_field_tenant_id_entity_key'))
    )
    op.create_index('ix_custom_field_tenant_entity_position', 'custom_field', ['tenant_id', 'entity', 'position', 'id'], unique=False)
    op.create_table('project',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_project_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('tenant_id', 'id', name=op.f('uq_project_tenant_id_id'))
    )
    op.create_index('uq_project_tenant_name', 'project', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('service',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=True),
    sa.Column('price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("currency ~ '^[A-Z]{3}$'", name=op.f('ck_service_currency_format')),
    sa.CheckConstraint('duration_minutes BETWEEN 1 AND 1440', name=op.f('ck_service_duration_range')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_service_price_not_negative')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_service_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service')),
    sa.UniqueConstraint('tenant_id', 'id', name=op.f('uq_service_tenant_id_id'))
    )
    op.create_index('uq_service_tenant_name', 'service', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('contact',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='active', nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), server_default='', nullable=False),
    sa.Column('email', sa.String(length=254, collation='C'), nullable=True),
    sa.Column('phone', sa.String(length=20, collation='C'), nullable=True),
    sa.Column('document_id', sa.String(length=40), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('culture', sa.String(length=2), server_default='es', nullable=False),
    sa.Column('origin', sa.String(length=100), nullable=True),
    sa.Column('center', sa.String(length=100), nullable=True),
    sa.Column('photo_key', sa.String(length=200), nullable=True),
    sa.Column('photo_content_type', sa.String(length=100), nullable=True),
    sa.Column('owner_id', sa.UUID(), nullable=True),
    sa.Column('location_id', sa.UUID(), nullable=True),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('state', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('custom_fields', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('converted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('company_names', sa.Text(), server_default='', nullable=False),
    sa.Column('search_words', postgresql.ARRAY(sa.Text()), sa.Computed("array_remove(regexp_split_to_array(lower(f_unaccent(first_name || ' ' || last_name || ' ' || company_names || ' ' || coalesce(document_id, '') || ' ' || coalesce(email, '') || ' ' || coalesce(ltrim(phone, '+'), ''))), '\\s+'), '')", persisted=True), nullable=False),
    sa.Column('sort_name', sa.Text(collation='C'), sa.Computed("lower(f_unaccent(first_name || ' ' || last_name))", persisted=True), nullable=False),
    sa.Column('review_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('rating_sum', sa.Integer(), server_default='0', nullable=False),
    sa.Column('sales_totals', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("culture IN ('es', 'en', 'pt')", name=op.f('ck_contact_culture_values')),
    sa.CheckConstraint("gender IS NULL OR gender IN ('female', 'male', 'non_binary', 'other', 'undisclosed')", name=op.f('ck_contact_gender_values')),
    sa.CheckConstraint("kind IN ('customer', 'lead')", name=op.f('ck_contact_kind_values')),
    sa.CheckConstraint("status IN ('active', 'inactive')", name=op.f('ck_contact_status_values')),
    sa.CheckConstraint('(latitude IS NULL) = (longitude IS NULL)', name=op.f('ck_contact_coordinates_pair')),
    sa.CheckConstraint('latitude IS NULL OR latitude BETWEEN -90 AND 90', name=op.f('ck_contact_latitude_range')),
    sa.CheckConstraint('longitude IS NULL OR longitude BETWEEN -180 AND 180', name=op.f('ck_contact_longitude_range')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_contact_location_id_location'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_contact_owner_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact')),
    sa.UniqueConstraint('tenant_id', 'id', name=op.f('uq_contact_tenant_id_id'))
    )
    op.create_index('ix_contact_custom_fields', 'contact', ['custom_fields'], unique=False, postgresql_using='gin', postgresql_ops={'custom_fields': 'jsonb_path_ops'})
    op.create_index('ix_contact_location', 'contact', ['location_id'], unique=False, postgresql_where=sa.text('location_id IS NOT NULL'))
    op.create_index('ix_contact_search_words', 'contact', ['search_words'], unique=False, postgresql_using='gin', postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_contact_tenant_city', 'contact', ['tenant_id', sa.literal_column('lower(city)')], unique=False, postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_contact_tenant_created', 'contact', ['tenant_id', 'created_at', 'id'], unique=False, postgresql_where=sa.text('deleted_at IS NULL'), postgresql_include=['kind', 'status', 'search_words'])
    op.create_index('ix_contact_tenant_owner', 'contact', ['tenant_id', 'owner_id'], unique=False, postgresql_where=sa.text('owner_id IS NOT NULL'))
    op.create_index('ix_contact_tenant_phone', 'contact', ['tenant_id', 'phone'], unique=False, postgresql_where=sa.text('phone IS NOT NULL'))
    op.create_index('ix_contact_tenant_sort_name', 'contact', ['tenant_id', 'sort_name', 'id'], unique=False, postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_contact_tenant_trashed', 'contact', ['tenant_id', 'deleted_at', 'id'], unique=False, postgresql_where=sa.text('deleted_at IS NOT NULL'))
    op.create_index('ix_contact_tenant_updated', 'contact', ['tenant_id', 'updated_at', 'id'], unique=False, postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('uq_contact_tenant_email', 'contact', ['tenant_id', 'email'], unique=True, postgresql_where=sa.text('deleted_at IS NULL AND email IS NOT NULL'))
    op.create_table('project_user',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'project_id'], ['project.tenant_id', 'project.id'], name=op.f('fk_project_user_tenant_id_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_project_user_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_project_user_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'project_id', 'user_id', name=op.f('pk_project_user'))
    )
    op.create_index('ix_project_user_user', 'project_user', ['user_id'], unique=False)
    op.create_table('company_member',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('company_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.Column('is_admin', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'company_id'], ['company.tenant_id', 'company.id'], name=op.f('fk_company_member_tenant_id_company_id_company'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_company_member_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_company_member_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'company_id', 'contact_id', name=op.f('pk_company_member'))
    )
    op.create_index('ix_company_member_contact', 'company_member', ['tenant_id', 'contact_id'], unique=False)
    op.create_index('uq_company_member_one_admin', 'company_member', ['tenant_id', 'company_id'], unique=True, postgresql_where=sa.text('is_admin'))
    op.create_table('contact_alert',
    sa.Column('type', sa.String(length=50), nullable=False),
    sa.Column('priority', sa.String(length=16), server_default='normal', nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("priority IN ('low', 'normal', 'high', 'urgent')", name=op.f('ck_contact_alert_priority_values')),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_alert_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_alert_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_alert'))
    )
    op.create_index('ix_contact_alert_tenant_contact', 'contact_alert', ['tenant_id', 'contact_id', 'created_at', 'id'], unique=False)
    op.create_table('contact_comment',
    sa.Column('author_id', sa.UUID(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('priority', sa.String(length=16), server_default='normal', nullable=False),
    sa.Column('private', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('pinned', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('appointment_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("priority IN ('low', 'normal', 'high', 'urgent')", name=op.f('ck_contact_comment_priority_values')),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_contact_comment_author_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_comment_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_comment_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_comment'))
    )
    op.create_index('ix_contact_comment_tenant_contact', 'contact_comment', ['tenant_id', 'contact_id', 'pinned', 'created_at', 'id'], unique=False)
    op.create_table('contact_group_member',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('group_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_group_member_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'group_id'], ['contact_group.tenant_id', 'contact_group.id'], name=op.f('fk_contact_group_member_tenant_id_group_id_contact_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_group_member_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'group_id', 'contact_id', name=op.f('pk_contact_group_member'))
    )
    op.create_index('ix_contact_group_member_contact', 'contact_group_member', ['tenant_id', 'contact_id'], unique=False)
    op.create_table('contact_note',
    sa.Column('author_id', sa.UUID(), nullable=True),
    sa.Column('category', sa.String(length=100), nullable=True),
    sa.Column('keywords', sa.ARRAY(sa.String(length=50)), server_default='{}', nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('noted_on', sa.Date(), server_default=sa.text('CURRENT_DATE'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_contact_note_author_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_note_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_note_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_note'))
    )
    op.create_index('ix_contact_note_tenant_contact', 'contact_note', ['tenant_id', 'contact_id', 'created_at', 'id'], unique=False)
    op.create_table('contact_review',
    sa.Column('rating', sa.SmallInteger(), nullable=False),
    sa.Column('text', sa.String(length=2000), nullable=True),
    sa.Column('recorded_by', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.CheckConstraint('rating BETWEEN 1 AND 5', name=op.f('ck_contact_review_rating_range')),
    sa.ForeignKeyConstraint(['recorded_by'], ['user.id'], name=op.f('fk_contact_review_recorded_by_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_review_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_review_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_review'))
    )
    op.create_index('ix_contact_review_tenant_contact', 'contact_review', ['tenant_id', 'contact_id', 'created_at', 'id'], unique=False)
    op.create_table('contact_sale',
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('source_kind', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.UUID(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("currency ~ '^[A-Z]{3}$'", name=op.f('ck_contact_sale_currency_format')),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_sale_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_sale_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_sale')),
    sa.UniqueConstraint('tenant_id', 'source_kind', 'source_id', name=op.f('uq_contact_sale_tenant_id_source_kind_source_id'))
    )
    op.create_index('ix_contact_sale_tenant_contact', 'contact_sale', ['tenant_id', 'contact_id', 'occurred_at'], unique=False)
    op.create_table('contact_service',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.Column('service_id', sa.UUID(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_service_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'service_id'], ['service.tenant_id', 'service.id'], name=op.f('fk_contact_service_tenant_id_service_id_service'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_service_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'contact_id', 'service_id', name=op.f('pk_contact_service'))
    )
    op.create_index('ix_contact_service_service', 'contact_service', ['tenant_id', 'service_id'], unique=False)
    op.create_table('project_contact',
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_project_contact_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'project_id'], ['project.tenant_id', 'project.id'], name=op.f('fk_project_contact_tenant_id_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_project_contact_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'project_id', 'contact_id', name=op.f('pk_project_contact'))
    )
    op.create_index('ix_project_contact_contact', 'project_contact', ['tenant_id', 'contact_id'], unique=False)
    op.create_table('contact_file',
    sa.Column('comment_id', sa.UUID(), nullable=True),
    sa.Column('note_id', sa.UUID(), nullable=True),
    sa.Column('filename', sa.String(length=150), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('storage_key', sa.String(length=200), nullable=False),
    sa.Column('uploaded_by', sa.UUID(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.Column('contact_id', sa.UUID(), nullable=False),
    sa.CheckConstraint('comment_id IS NULL OR note_id IS NULL', name=op.f('ck_contact_file_one_parent')),
    sa.ForeignKeyConstraint(['comment_id'], ['contact_comment.id'], name=op.f('fk_contact_file_comment_id_contact_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['note_id'], ['contact_note.id'], name=op.f('fk_contact_file_note_id_contact_note'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'contact_id'], ['contact.tenant_id', 'contact.id'], name=op.f('fk_contact_file_tenant_id_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_file_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by'], ['user.id'], name=op.f('fk_contact_file_uploaded_by_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_file'))
    )
    op.create_index('ix_contact_file_comment', 'contact_file', ['comment_id'], unique=False, postgresql_where=sa.text('comment_id IS NOT NULL'))
    op.create_index('ix_contact_file_note', 'contact_file', ['note_id'], unique=False, postgresql_where=sa.text('note_id IS NOT NULL'))
    op.create_index('ix_contact_file_tenant_contact', 'contact_file', ['tenant_id', 'contact_id', 'created_at', 'id'], unique=False)
    for statement in (*COUNTER_FUNCTIONS, *COUNTER_TRIGGERS, *SEARCH_FUNCTIONS, *SEARCH_TRIGGERS,
                      *METRIC_FUNCTIONS, *METRIC_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    for operation in METRIC_SOURCES:
        op.execute(f"DROP TRIGGER IF EXISTS contact_metrics_on_{operation} ON contact")
        op.execute(f"DROP FUNCTION IF EXISTS contact_metrics_on_{operation}()")
    op.execute("DROP TRIGGER IF EXISTS contact_search_words_update ON contact")
    op.execute("DROP TRIGGER IF EXISTS contact_search_words_insert ON contact")
    op.execute("DROP FUNCTION IF EXISTS contact_search_words_learn()")
    op.execute("DROP FUNCTION IF EXISTS contact_name_words(text, text, text)")
    op.execute("DROP TRIGGER IF EXISTS contact_sale_totals ON contact_sale")
    op.execute("DROP TRIGGER IF EXISTS contact_review_counters ON contact_review")
    op.execute("DROP FUNCTION IF EXISTS contact_sale_totals()")
    op.execute("DROP FUNCTION IF EXISTS contact_sales_add(jsonb, text, numeric)")
    op.execute("DROP FUNCTION IF EXISTS contact_review_counters()")
    op.drop_index('ix_contact_file_tenant_contact', table_name='contact_file')
    op.drop_index('ix_contact_file_note', table_name='contact_file', postgresql_where=sa.text('note_id IS NOT NULL'))
    op.drop_index('ix_contact_file_comment', table_name='contact_file', postgresql_where=sa.text('comment_id IS NOT NULL'))
    op.drop_table('contact_file')
    op.drop_index('ix_project_contact_contact', table_name='project_contact')
    op.drop_table('project_contact')
    op.drop_index('ix_contact_service_service', table_name='contact_service')
    op.drop_table('contact_service')
    op.drop_index('ix_contact_sale_tenant_contact', table_name='contact_sale')
    op.drop_table('contact_sale')
    op.drop_index('ix_contact_review_tenant_contact', table_name='contact_review')
    op.drop_table('contact_review')
    op.drop_index('ix_contact_note_tenant_contact', table_name='contact_note')
    op.drop_table('contact_note')
    op.drop_index('ix_contact_group_member_contact', table_name='contact_group_member')
    op.drop_table('contact_group_member')
    op.drop_index('ix_contact_comment_tenant_contact', table_name='contact_comment')
    op.drop_table('contact_comment')
    op.drop_index('ix_contact_alert_tenant_contact', table_name='contact_alert')
    op.drop_table('contact_alert')
    op.drop_index('uq_company_member_one_admin', table_name='company_member', postgresql_where=sa.text('is_admin'))
    op.drop_index('ix_company_member_contact', table_name='company_member')
    op.drop_table('company_member')
    op.drop_index('ix_project_user_user', table_name='project_user')
    op.drop_table('project_user')
    op.drop_index('uq_contact_tenant_email', table_name='contact', postgresql_where=sa.text('deleted_at IS NULL AND email IS NOT NULL'))
    op.drop_index('ix_contact_tenant_updated', table_name='contact', postgresql_where=sa.text('deleted_at IS NULL'))
    op.drop_index('ix_contact_tenant_trashed', table_name='contact', postgresql_where=sa.text('deleted_at IS NOT NULL'))
    op.drop_index('ix_contact_tenant_sort_name', table_name='contact', postgresql_where=sa.text('deleted_at IS NULL'))
    op.drop_index('ix_contact_tenant_phone', table_name='contact', postgresql_where=sa.text('phone IS NOT NULL'))
    op.drop_index('ix_contact_tenant_owner', table_name='contact', postgresql_where=sa.text('owner_id IS NOT NULL'))
    op.drop_index('ix_contact_tenant_created', table_name='contact', postgresql_where=sa.text('deleted_at IS NULL'), postgresql_include=['kind', 'status', 'search_words'])
    op.drop_index('ix_contact_tenant_city', table_name='contact', postgresql_where=sa.text('deleted_at IS NULL'))
    op.drop_index('ix_contact_search_words', table_name='contact', postgresql_using='gin', postgresql_where=sa.text('deleted_at IS NULL'))
    op.drop_index('ix_contact_location', table_name='contact', postgresql_where=sa.text('location_id IS NOT NULL'))
    op.drop_index('ix_contact_custom_fields', table_name='contact', postgresql_using='gin', postgresql_ops={'custom_fields': 'jsonb_path_ops'})
    op.drop_table('contact')
    op.drop_index('uq_service_tenant_name', table_name='service')
    op.drop_table('service')
    op.drop_index('uq_project_tenant_name', table_name='project')
    op.drop_table('project')
    op.drop_index('ix_custom_field_tenant_entity_position', table_name='custom_field')
    op.drop_table('custom_field')
    op.drop_index('ix_contact_search_word_trgm', table_name='contact_search_word', postgresql_using='gin', postgresql_ops={'word': 'gin_trgm_ops'})
    op.drop_table('contact_search_word')
    op.drop_index('ix_contact_metric_delta_tenant', table_name='contact_metric_delta')
    op.drop_table('contact_metric_delta')
    op.drop_index('uq_contact_group_tenant_name', table_name='contact_group')
    op.drop_table('contact_group')
    op.drop_index('uq_company_tenant_name', table_name='company')
    op.drop_table('company')
