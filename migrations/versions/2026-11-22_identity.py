"""Identity and access (issue #3): optional permission grants, one-time account links, MFA,
recovery codes, integration tokens, staff groups, specialties, calendars, shifts and comments
on staff; the built-in roles of seeds 002/000 for every existing workspace.

``btree_gist`` lets the shift table refuse overlapping shifts of one user with an exclusion
constraint. A user's email is unique among live users only (a deleted user's address can be
invited again).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# Frozen copy of the built-in roles added by this revision (their permissions are read from
# api/identity/roles.py at run time, so only the rows are needed here).
NEW_BUILT_IN_ROLES = {
    "supervisor": {"es": "Supervisor", "en": "Supervisor", "pt": "Supervisor"},
    "conversation_agent": {"es": "Agente de conversaciones", "en": "Conversation agent", "pt": "Agente de conversas"},
    "payment_orders_administrator": {"es": "Administrador de órdenes de pago", "en": "Payment orders administrator",
                                     "pt": "Administrador de pedidos de pagamento"},
    "stakeholder": {"es": "Stakeholder", "en": "Stakeholder", "pt": "Stakeholder"},
    "specialist": {"es": "Especialista", "en": "Specialist", "pt": "Especialista"},
}

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


F_USER_SEARCH = """
CREATE OR REPLACE FUNCTION f_user_search(varchar, varchar, varchar) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT public.f_unaccent(lower(coalesce($1, '') || ' ' || coalesce($2, '') || ' ' || coalesce($3, ''))) $$
"""


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute(F_USER_SEARCH)
    op.create_table('specialty',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(length=500), server_default='', nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_specialty_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_specialty'))
    )
    op.create_index('uq_specialty_tenant_name', 'specialty', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('staff_group',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.String(length=500), server_default='', nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("kind IN ('agents', 'specialists')", name=op.f('ck_staff_group_kind_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_staff_group_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_group'))
    )
    op.create_index('uq_staff_group_tenant_kind_name', 'staff_group', ['tenant_id', 'kind', sa.literal_column('lower(name)')], unique=True)
    op.create_table('work_calendar',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('hours', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_work_calendar_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_calendar'))
    )
    op.create_index('uq_work_calendar_tenant_name', 'work_calendar', ['tenant_id', sa.literal_column('lower(name)')], unique=True)
    op.create_table('account_token',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("purpose IN ('invitation', 'password_reset')", name=op.f('ck_account_token_purpose_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_account_token_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_account_token_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_account_token_token_hash'))
    )
    op.create_index('ix_account_token_tenant_user', 'account_token', ['tenant_id', 'user_id', 'purpose'], unique=False)
    op.create_table('integration_token',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.UUID(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], name=op.f('fk_integration_token_created_by_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_integration_token_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_integration_token_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integration_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_integration_token_token_hash'))
    )
    op.create_index('ix_integration_token_tenant_user', 'integration_token', ['tenant_id', 'user_id', 'created_at'], unique=False)
    op.create_table('recovery_code',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_recovery_code_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_recovery_code_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_code'))
    )
    op.create_index('ix_recovery_code_tenant_user', 'recovery_code', ['tenant_id', 'user_id', 'code_hash'], unique=False)
    op.create_table('shift',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('calendar_id', sa.UUID(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    postgresql.ExcludeConstraint((sa.text('tenant_id'), '='), (sa.text('user_id'), '='), (sa.text("daterange(starts_on, ends_on, '[]')"), '&&'), using='gist', name='ex_shift_no_overlap'),
    sa.CheckConstraint('starts_on <= ends_on', name=op.f('ck_shift_date_order')),
    sa.ForeignKeyConstraint(['calendar_id'], ['work_calendar.id'], name=op.f('fk_shift_calendar_id_work_calendar'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_shift_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_shift_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift'))
    )
    op.create_index('ix_shift_tenant_calendar', 'shift', ['tenant_id', 'calendar_id'], unique=False)
    op.create_table('staff_comment',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('author_id', sa.UUID(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('priority', sa.String(length=8), server_default='normal', nullable=False),
    sa.Column('private', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('pinned', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("priority IN ('low', 'normal', 'high')", name=op.f('ck_staff_comment_priority_values')),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_staff_comment_author_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_staff_comment_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_staff_comment_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_comment'))
    )
    op.create_index('ix_staff_comment_tenant_user', 'staff_comment', ['tenant_id', 'user_id', 'pinned', 'created_at'], unique=False)
    op.create_table('staff_group_member',
    sa.Column('group_id', sa.UUID(), nullable=False),
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['staff_group.id'], name=op.f('fk_staff_group_member_group_id_staff_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_staff_group_member_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_staff_group_member_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'user_id', name=op.f('pk_staff_group_member'))
    )
    op.create_index('ix_staff_group_member_tenant_user', 'staff_group_member', ['tenant_id', 'user_id'], unique=False)
    op.create_table('user_mfa',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('secret_ciphertext', sa.String(length=200), nullable=False),
    sa.Column('enabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_totp_step', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_user_mfa_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_user_mfa_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_user_mfa'))
    )
    op.create_table('user_permission',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('permission', sa.String(length=64), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_user_permission_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_user_permission_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'permission', name=op.f('pk_user_permission'))
    )
    op.create_index('ix_user_permission_tenant_user', 'user_permission', ['tenant_id', 'user_id'], unique=False)
    op.create_table('user_specialty',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('specialty_id', sa.UUID(), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['specialty_id'], ['specialty.id'], name=op.f('fk_user_specialty_specialty_id_specialty'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_user_specialty_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_user_specialty_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'specialty_id', name=op.f('pk_user_specialty'))
    )
    op.create_index('ix_user_specialty_tenant_specialty', 'user_specialty', ['tenant_id', 'specialty_id'], unique=False)
    op.add_column('auth_session', sa.Column('restricted', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    op.add_column('role', sa.Column('mfa_required', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    op.add_column('user', sa.Column('photo_key', sa.String(length=200), nullable=True))
    op.add_column('user', sa.Column('photo_content_type', sa.String(length=40), nullable=True))
    op.create_index('ix_user_search_trgm', 'user', [sa.literal_column("f_user_search(first_name, last_name, email)").label('search_folded')], unique=False, postgresql_using='gin', postgresql_ops={'search_folded': 'gin_trgm_ops'})
    op.create_index('ix_user_tenant_name', 'user', ['tenant_id', sa.literal_column('lower(first_name)'), sa.literal_column('lower(last_name)'), 'id'], unique=False)
    op.create_index('ix_user_role_tenant_role', 'user_role', ['tenant_id', 'role_id'], unique=False)
    op.drop_index('uq_user_tenant_email', table_name='user')
    op.create_index('uq_user_tenant_email', 'user', ['tenant_id', 'email'], unique=True,
                    postgresql_where=sa.text('deleted_at IS NULL'))
    _add_built_in_roles()


def _add_built_in_roles() -> None:
    connection = op.get_bind()
    tenants = connection.execute(sa.text("SELECT id, default_language FROM tenant")).all()
    for tenant_id, language in tenants:
        for key, names in NEW_BUILT_IN_ROLES.items():
            connection.execute(
                sa.text("INSERT INTO role (id, tenant_id, key, name, built_in) "
                        "VALUES (gen_random_uuid(), :tenant_id, :key, :name, true) "
                        "ON CONFLICT (tenant_id, key) DO NOTHING"),
                {"tenant_id": tenant_id, "key": key, "name": names.get(language, names["es"])},
            )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM role WHERE built_in AND key = ANY(:keys)")
               .bindparams(sa.bindparam("keys", list(NEW_BUILT_IN_ROLES), type_=postgresql.ARRAY(sa.String))))
    op.drop_index('uq_user_tenant_email', table_name='user', postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('uq_user_tenant_email', 'user', ['tenant_id', 'email'], unique=True)
    op.drop_index('ix_user_role_tenant_role', table_name='user_role')
    op.drop_index('ix_user_tenant_name', table_name='user')
    op.drop_index('ix_user_search_trgm', table_name='user', postgresql_using='gin', postgresql_ops={'search_folded': 'gin_trgm_ops'})
    op.drop_column('user', 'photo_content_type')
    op.drop_column('user', 'photo_key')
    op.drop_column('role', 'mfa_required')
    op.drop_column('auth_session', 'restricted')
    op.drop_index('ix_user_specialty_tenant_specialty', table_name='user_specialty')
    op.drop_table('user_specialty')
    op.drop_index('ix_user_permission_tenant_user', table_name='user_permission')
    op.drop_table('user_permission')
    op.drop_table('user_mfa')
    op.drop_index('ix_staff_group_member_tenant_user', table_name='staff_group_member')
    op.drop_table('staff_group_member')
    op.drop_index('ix_staff_comment_tenant_user', table_name='staff_comment')
    op.drop_table('staff_comment')
    op.drop_index('ix_shift_tenant_calendar', table_name='shift')
    op.drop_table('shift')
    op.drop_index('ix_recovery_code_tenant_user', table_name='recovery_code')
    op.drop_table('recovery_code')
    op.drop_index('ix_integration_token_tenant_user', table_name='integration_token')
    op.drop_table('integration_token')
    op.drop_index('ix_account_token_tenant_user', table_name='account_token')
    op.drop_table('account_token')
    op.drop_index('uq_work_calendar_tenant_name', table_name='work_calendar')
    op.drop_table('work_calendar')
    op.drop_index('uq_staff_group_tenant_kind_name', table_name='staff_group')
    op.drop_table('staff_group')
    op.drop_index('uq_specialty_tenant_name', table_name='specialty')
    op.drop_table('specialty')
    op.execute("DROP FUNCTION IF EXISTS f_user_search(varchar, varchar, varchar)")
    op.execute("DROP EXTENSION IF EXISTS btree_gist")
