"""Notification center: notifications (content once), a row per recipient with its read state,
broadcasts (now or scheduled); a case-insensitive recipient index for the mail log.

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('notification',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.String(length=2000), server_default='', nullable=False),
    sa.Column('link', sa.String(length=2000), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=True),
    sa.Column('job_id', sa.UUID(), nullable=True),
    sa.Column('job_status', sa.String(length=16), nullable=True),
    sa.Column('job_result', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('job_error', sa.String(length=500), nullable=True),
    sa.Column('broadcast_id', sa.UUID(), nullable=True),
    sa.Column('created_by', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("(kind = 'job') = (job_id IS NOT NULL)", name=op.f('ck_notification_job_kind_has_job')),
    sa.CheckConstraint("job_status IS NULL OR job_status IN ('pending', 'running', 'completed', 'failed')", name=op.f('ck_notification_job_status_values')),
    sa.CheckConstraint("kind IN ('system', 'info', 'personal', 'job')", name=op.f('ck_notification_kind_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_notification_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    op.create_index('ix_notification_tenant_job', 'notification', ['tenant_id', 'job_id'], unique=False, postgresql_where=sa.text('job_id IS NOT NULL'))
    op.create_table('notification_broadcast',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.String(length=2000), server_default='', nullable=False),
    sa.Column('link', sa.String(length=2000), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=True),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('role_ids', postgresql.ARRAY(sa.UUID()), server_default='{}', nullable=False),
    sa.Column('send_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='scheduled', nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recipient_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('notification_id', sa.UUID(), nullable=True),
    sa.Column('created_by', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("audience IN ('everyone', 'roles')", name=op.f('ck_notification_broadcast_audience_values')),
    sa.CheckConstraint("kind IN ('system', 'info')", name=op.f('ck_notification_broadcast_kind_values')),
    sa.CheckConstraint("status IN ('scheduled', 'sent', 'cancelled')", name=op.f('ck_notification_broadcast_status_values')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_notification_broadcast_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_broadcast'))
    )
    op.create_index('ix_notification_broadcast_due', 'notification_broadcast', ['send_at'], unique=False, postgresql_where=sa.text("status = 'scheduled'"))
    op.create_index('ix_notification_broadcast_tenant_created', 'notification_broadcast', ['tenant_id', 'created_at', 'id'], unique=False)
    op.create_table('notification_recipient',
    sa.Column('user_id', sa.UUID(), nullable=False),
    sa.Column('notification_id', sa.UUID(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.UUID(), nullable=False),
    sa.CheckConstraint("kind IN ('system', 'info', 'personal', 'job')", name=op.f('ck_notification_recipient_kind_values')),
    sa.ForeignKeyConstraint(['notification_id'], ['notification.id'], name=op.f('fk_notification_recipient_notification_id_notification'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_notification_recipient_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notification_recipient_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'notification_id', 'user_id', name=op.f('pk_notification_recipient'))
    )
    op.create_index('ix_notification_recipient_inbox', 'notification_recipient', ['tenant_id', 'user_id', 'created_at', 'notification_id'], unique=False)
    op.create_index('ix_notification_recipient_unread', 'notification_recipient', ['tenant_id', 'user_id'], unique=False, postgresql_where=sa.text('read_at IS NULL'))
    op.create_index('ix_mail_message_tenant_recipient', 'mail_message', ['tenant_id', sa.literal_column('lower(to_address)'), 'created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_mail_message_tenant_recipient', table_name='mail_message')
    op.drop_index('ix_notification_recipient_unread', table_name='notification_recipient', postgresql_where=sa.text('read_at IS NULL'))
    op.drop_index('ix_notification_recipient_inbox', table_name='notification_recipient')
    op.drop_table('notification_recipient')
    op.drop_index('ix_notification_broadcast_tenant_created', table_name='notification_broadcast')
    op.drop_index('ix_notification_broadcast_due', table_name='notification_broadcast', postgresql_where=sa.text("status = 'scheduled'"))
    op.drop_table('notification_broadcast')
    op.drop_index('ix_notification_tenant_job', table_name='notification', postgresql_where=sa.text('job_id IS NOT NULL'))
    op.drop_table('notification')
