"""Foundation: workspaces, users, roles, sessions, audit log, jobs, mail outbox, locations.

Also the extensions behind accent-insensitive, typo-tolerant search: unaccent and pg_trgm,
with f_unaccent(), an IMMUTABLE wrapper so it can be used in indexes.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


F_UNACCENT = """
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
"""


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(F_UNACCENT)
    op.create_table('tenant',
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('default_language', sa.String(length=2), server_default='es', nullable=False),
    sa.Column('default_region', sa.String(length=2), server_default='ES', nullable=False),
    sa.Column('timezone', sa.String(length=64), server_default='Europe/Madrid', nullable=False),
    sa.Column('settings', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'", name=op.f('ck_tenant_slug_format')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant')),
    sa.UniqueConstraint('slug', name=op.f('uq_tenant_slug'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sa.String(length=16), nullable=False),
    sa.Column('actor_user_id', sa.UUID(), nullable=True),
    sa.Column('actor_token_id', sa.UUID(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.UUID(), nullable=False),
    sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.Column('ip', postgresql.INET(), nullable=True),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_audit_event_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    op.create_index('ix_audit_event_tenant_actor', 'audit_event', ['tenant_id', 'actor_user_id', 'occurred_at'], unique=False)
    op.create_index('ix_audit_event_tenant_entity', 'audit_event', ['tenant_id', 'entity_type', 'entity_id', 'occurred_at'], unique=False)
    op.create_index('ix_audit_event_tenant_occurred', 'audit_event', ['tenant_id', 'occurred_at'], unique=False)
    op.create_table('background_job',
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('function', sa.String(length=64), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('progress', sa.SmallInteger(), server_default='0', nullable=False),
    sa.Column('result', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_by', sa.UUID(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'running', 'completed', 'failed')", name=op.f('ck_background_job_status_values')),
    sa.CheckConstraint('progress BETWEEN 0 AND 100', name=op.f('ck_background_job_progress_range')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_background_job_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_background_job'))
    )
    op.create_index('ix_background_job_pending', 'background_job', ['status', 'created_at'], unique=False, postgresql_where=sa.text("status = 'pending'"))
    op.create_index('ix_background_job_tenant_creator', 'background_job', ['tenant_id', 'created_by', 'created_at'], unique=False)
    op.create_table('location',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('state', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint('(latitude IS NULL) = (longitude IS NULL)', name=op.f('ck_location_coordinates_pair')),
    sa.CheckConstraint('latitude IS NULL OR latitude BETWEEN -90 AND 90', name=op.f('ck_location_latitude_range')),
    sa.CheckConstraint('longitude IS NULL OR longitude BETWEEN -180 AND 180', name=op.f('ck_location_longitude_range')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_location_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location'))
    )
    op.create_index('ix_location_name_trgm', 'location', [sa.literal_column('f_unaccent(lower(name))').label('name_folded')], unique=False, postgresql_using='gin', postgresql_ops={'name_folded': 'gin_trgm_ops'})
    op.create_index('ix_location_tenant_city', 'location', ['tenant_id', sa.literal_column('lower(city)')], unique=False)
    op.create_index('ix_location_tenant_created', 'location', ['tenant_id', 'created_at', 'id'], unique=False)
    op.create_index('uq_location_tenant_name', 'location', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('mail_message',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('to_address', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('text_body', sa.Text(), nullable=True),
    sa.Column('html_body', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='queued', nullable=False),
    sa.Column('attempts', sa.SmallInteger(), server_default='0', nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("status IN ('queued', 'sent', 'failed')", name=op.f('ck_mail_message_status_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_mail_message_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_message'))
    )
    op.create_index('ix_mail_message_queued', 'mail_message', ['status', 'next_attempt_at'], unique=False, postgresql_where=sa.text("status = 'queued'"))
    op.create_index('ix_mail_message_tenant_created', 'mail_message', ['tenant_id', 'created_at', 'id'], unique=False)
    op.create_table('role',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(length=500), server_default='', nullable=False),
    sa.Column('built_in', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('permissions', postgresql.ARRAY(sa.String(length=64)), server_default='{}', nullable=False),
    sa.Column('optional_permissions', postgresql.ARRAY(sa.String(length=64)), server_default='{}', nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_role_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role')),
    sa.UniqueConstraint('tenant_id', 'key', name=op.f('uq_role_tenant_id_key'))
    )
    op.create_table('user',
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), server_default='', nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='active', nullable=False),
    sa.Column('culture', sa.String(length=2), server_default='es', nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('is_specialist', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('custom_fields', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("culture IN ('es', 'en', 'pt')", name=op.f('ck_user_culture_values')),
    sa.CheckConstraint("status IN ('active', 'inactive')", name=op.f('ck_user_status_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_user_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user'))
    )
    op.create_index('ix_user_tenant_created', 'user', ['tenant_id', 'created_at', 'id'], unique=False)
    op.create_index('uq_user_tenant_email', 'user', ['tenant_id', 'email'], unique=True)
    op.create_table('auth_session',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_reason', sa.String(length=32), nullable=True),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('user_agent', sa.String(length=300), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_auth_session_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_auth_session_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_session'))
    )
    op.create_index('ix_auth_session_tenant_user', 'auth_session', ['tenant_id', 'user_id'], unique=False)
    op.create_table('user_role',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('role_id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_user_role_role_id_role'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_user_role_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_user_role_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role_id', name=op.f('pk_user_role'))
    )
    op.create_table('refresh_token',
    sa.Column('session_id', sa.UUID(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['auth_session.id'], name=op.f('fk_refresh_token_session_id_auth_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_refresh_token_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refresh_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_refresh_token_token_hash'))
    )
    op.create_index(op.f('ix_refresh_token_session_id'), 'refresh_token', ['session_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_refresh_token_session_id'), table_name='refresh_token')
    op.drop_table('refresh_token')
    op.drop_table('user_role')
    op.drop_index('ix_auth_session_tenant_user', table_name='auth_session')
    op.drop_table('auth_session')
    op.drop_index('uq_user_tenant_email', table_name='user')
    op.drop_index('ix_user_tenant_created', table_name='user')
    op.drop_table('user')
    op.drop_table('role')
    op.drop_index('ix_mail_message_tenant_created', table_name='mail_message')
    op.drop_index('ix_mail_message_queued', table_name='mail_message', postgresql_where=sa.text("status = 'queued'"))
    op.drop_table('mail_message')
    op.drop_index('uq_location_tenant_name', table_name='location')
    op.drop_index('ix_location_tenant_created', table_name='location')
    op.drop_index('ix_location_tenant_city', table_name='location')
    op.drop_index('ix_location_name_trgm', table_name='location', postgresql_using='gin', postgresql_ops={'name_folded': 'gin_trgm_ops'})
    op.drop_table('location')
    op.drop_index('ix_background_job_tenant_creator', table_name='background_job')
    op.drop_index('ix_background_job_pending', table_name='background_job', postgresql_where=sa.text("status = 'pending'"))
    op.drop_table('background_job')
    op.drop_index('ix_audit_event_tenant_occurred', table_name='audit_event')
    op.drop_index('ix_audit_event_tenant_entity', table_name='audit_event')
    op.drop_index('ix_audit_event_tenant_actor', table_name='audit_event')
    op.drop_table('audit_event')
    op.drop_table('tenant')
    op.execute("DROP FUNCTION IF EXISTS f_unaccent(text)")
