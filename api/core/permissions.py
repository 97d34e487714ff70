"""The permission catalogue: every ``domain:action`` the API checks, declared in one place.

Permissions for domains not built yet are declared too, so roles (including the optional,
per-user grants of seed 002) can be defined once and stay stable. Deny by default: a
principal holds exactly the permissions its roles and grants give it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PermissionInfo:
    key: str
    domain: str
    description: dict[str, str]


def _p(key: str, en: str, es: str, pt: str) -> PermissionInfo:
    return PermissionInfo(key=key, domain=key.split(":")[0], description={"en": en, "es": es, "pt": pt})


CATALOGUE: tuple[PermissionInfo, ...] = (
    # A. Identity and access
    _p("users:read", "See staff users", "Ver usuarios del personal", "Ver usuários da equipe"),
    _p("users:write", "Create, edit, invite and (de)activate staff users",
       "Crear, editar, invitar y (des)activar usuarios", "Criar, editar, convidar e (des)ativar usuários"),
    _p("users:delete", "Delete staff users", "Eliminar usuarios del personal", "Excluir usuários da equipe"),
    _p("roles:read", "See roles and the permission catalogue", "Ver roles y el catálogo de permisos",
       "Ver papéis e o catálogo de permissões"),
    _p("roles:write", "Create, edit and delete roles; grant optional permissions",
       "Crear, editar y eliminar roles; otorgar permisos opcionales",
       "Criar, editar e excluir papéis; conceder permissões opcionais"),
    _p("groups:read", "See staff groups", "Ver grupos de personal", "Ver grupos da equipe"),
    _p("groups:write", "Manage staff groups and their members", "Gestionar grupos de personal y sus miembros",
       "Gerenciar grupos da equipe e seus membros"),
    _p("tokens:manage", "Manage other users' integration tokens",
       "Gestionar tokens de integración de otros usuarios", "Gerenciar tokens de integração de outros usuários"),
    _p("specialists:write", "Manage specialists: specialties, shifts and calendars",
       "Gestionar especialistas: especialidades, turnos y calendarios",
       "Gerenciar especialistas: especialidades, turnos e calendários"),
    _p("settings:manage", "Manage the workspace configuration (MFA policy, defaults)",
       "Gestionar la configuración del espacio de trabajo (MFA, valores por defecto)",
       "Gerenciar a configuração do espaço de trabalho (MFA, padrões)"),
    _p("audit:read", "See the audit log", "Ver el registro de auditoría", "Ver o registro de auditoria"),
    _p("content:edit", "Edit content", "Editar contenido", "Editar conteúdo"),
    # B. Customers and leads
    _p("locations:read", "See locations", "Ver ubicaciones", "Ver localizações"),
    _p("locations:write", "Create, edit and delete locations", "Crear, editar y eliminar ubicaciones",
       "Criar, editar e excluir localizações"),
    _p("contacts:read", "See customers and leads", "Ver clientes y leads", "Ver clientes e leads"),
    _p("contacts:write", "Create and edit customers and leads, and what is around them",
       "Crear y editar clientes y leads, y lo que los rodea", "Criar e editar clientes e leads e o que os cerca"),
    _p("contacts:trash", "Move contacts to the trash and restore them", "Enviar contactos a la papelera y restaurarlos",
       "Enviar contatos para a lixeira e restaurá-los"),
    _p("contacts:purge", "Delete contacts permanently", "Eliminar contactos definitivamente",
       "Excluir contatos definitivamente"),
    _p("contacts:bulk", "Run bulk actions on contacts", "Ejecutar acciones masivas sobre contactos",
       "Executar ações em massa sobre contatos"),
    _p("contacts:private_comments", "Read every private comment", "Leer todos los comentarios privados",
       "Ler todos os comentários privados"),
    _p("custom_fields:manage", "Define additional fields", "Definir campos adicionales", "Definir campos adicionais"),
    _p("companies:read", "See companies", "Ver compañías", "Ver empresas"),
    _p("companies:write", "Manage companies and their members", "Gestionar compañías y sus miembros",
       "Gerenciar empresas e seus membros"),
    _p("projects:read", "See projects", "Ver proyectos", "Ver projetos"),
    _p("projects:write", "Manage projects and associate people", "Gestionar proyectos y asociar personas",
       "Gerenciar projetos e associar pessoas"),
    _p("services:read", "See the services catalogue", "Ver el catálogo de servicios", "Ver o catálogo de serviços"),
    _p("services:write", "Manage the services catalogue", "Gestionar el catálogo de servicios",
       "Gerenciar o catálogo de serviços"),
    # C. Import and export
    _p("transfer:export", "Export data to spreadsheets", "Exportar datos a hojas de cálculo",
       "Exportar dados para planilhas"),
    _p("transfer:import", "Import data from spreadsheets", "Importar datos desde hojas de cálculo",
       "Importar dados de planilhas"),
    # D. Notifications
    _p("notifications:broadcast", "Broadcast notifications to users and roles",
       "Difundir notificaciones a usuarios y roles", "Difundir notificações para usuários e papéis"),
    _p("mail:read", "See the mail log", "Ver el registro de correos", "Ver o registro de e-mails"),
    _p("mail:retry", "Send failed emails again", "Reenviar correos fallidos", "Reenviar e-mails com falha"),
    # E. Clinic and services operations
    _p("centers:read", "See centers", "Ver centros", "Ver centros"),
    _p("centers:write", "Manage centers", "Gestionar centros", "Gerenciar centros"),
    _p("specialties:read", "See medical specialties", "Ver especialidades médicas", "Ver especialidades médicas"),
    _p("specialties:write", "Manage medical specialties", "Gestionar especialidades médicas",
       "Gerenciar especialidades médicas"),
    _p("appointments:read", "See appointments", "Ver citas", "Ver agendamentos"),
    _p("appointments:write", "Book and change appointments", "Agendar y modificar citas",
       "Agendar e alterar agendamentos"),
    _p("procedures:read", "See procedures", "Ver procedimientos", "Ver procedimentos"),
    _p("procedures:write", "Record procedures", "Registrar procedimientos", "Registrar procedimentos"),
    _p("billing:read", "See quotes, invoices and transactions", "Ver presupuestos, facturas y transacciones",
       "Ver orçamentos, faturas e transações"),
    _p("billing:write", "Issue quotes, invoices and transactions", "Emitir presupuestos, facturas y transacciones",
       "Emitir orçamentos, faturas e transações"),
    _p("wallet:read", "See wallets", "Ver billeteras", "Ver carteiras"),
    _p("wallet:write", "Add and deduct funds, assign rewards", "Agregar y deducir fondos, asignar recompensas",
       "Adicionar e deduzir fundos, atribuir recompensas"),
    _p("clinical:read", "See allergies and skin tests", "Ver alergias y pruebas cutáneas",
       "Ver alergias e testes cutâneos"),
    _p("clinical:write", "Record allergies and skin tests", "Registrar alergias y pruebas cutáneas",
       "Registrar alergias e testes cutâneos"),
    # F. Lead engagement and CRM
    _p("calls:read", "See calls", "Ver llamadas", "Ver chamadas"),
    _p("calls:write", "Record calls", "Registrar llamadas", "Registrar chamadas"),
    _p("lead_email:send", "Send tracked email to leads", "Enviar correos con seguimiento a leads",
       "Enviar e-mails rastreados a leads"),
    _p("email_templates:manage", "Manage email templates", "Gestionar plantillas de correo",
       "Gerenciar modelos de e-mail"),
    _p("scoring:read", "See lead scores", "Ver calificaciones de leads", "Ver pontuações de leads"),
    _p("scoring:write", "Score leads and manage scoring rules", "Calificar leads y gestionar reglas",
       "Pontuar leads e gerenciar regras"),
    _p("whatsapp:read", "See WhatsApp messages", "Ver mensajes de WhatsApp", "Ver mensagens do WhatsApp"),
    _p("whatsapp:send", "Send WhatsApp messages", "Enviar mensajes de WhatsApp", "Enviar mensagens do WhatsApp"),
    _p("integrations:manage", "Manage CRM integrations and replay deliveries",
       "Gestionar integraciones CRM y reenviar entregas", "Gerenciar integrações CRM e reenviar entregas"),
    _p("engagement:metrics", "See response-time metrics", "Ver métricas de tiempos de respuesta",
       "Ver métricas de tempo de resposta"),
    _p("assignment:manage", "Configure automatic advisor assignment", "Configurar la asignación automática de asesores",
       "Configurar a atribuição automática de assessores"),
    # G. Conversations and orders
    _p("conversations:read", "See own and group conversations", "Ver conversaciones propias y del grupo",
       "Ver conversas próprias e do grupo"),
    _p("conversations:read_all", "See every user's conversations", "Ver las conversaciones de todos los usuarios",
       "Ver as conversas de todos os usuários"),
    _p("conversations:reply", "Reply in conversations", "Responder en conversaciones", "Responder em conversas"),
    _p("conversations:assign", "Assign and finish conversations", "Asignar y finalizar conversaciones",
       "Atribuir e finalizar conversas"),
    _p("conversations:self_assign", "Dispenser: self-assign the next waiting conversation",
       "Dispensador: autoasignarse la siguiente conversación", "Dispensador: autoatribuir a próxima conversa"),
    _p("conversations:transfer", "Transfer conversations to colleagues", "Transferir conversaciones a compañeros",
       "Transferir conversas para colegas"),
    _p("conversations:send_catalog", "Send catalogues", "Enviar catálogos", "Enviar catálogos"),
    _p("tags:manage", "Manage conversation tags", "Gestionar etiquetas", "Gerenciar etiquetas"),
    _p("message_templates:manage", "Manage message templates", "Gestionar plantillas de mensajes",
       "Gerenciar modelos de mensagens"),
    _p("orders:read", "See orders", "Ver órdenes", "Ver pedidos"),
    _p("orders:write", "Create orders from conversations", "Crear órdenes desde conversaciones",
       "Criar pedidos a partir de conversas"),
    _p("orders:independent", "Create orders without a conversation", "Crear órdenes independientes",
       "Criar pedidos independentes"),
    _p("orders:manage", "Orders and payments administration: void, delete, comment",
       "Administración de órdenes y pagos: anular, eliminar, comentar",
       "Administração de pedidos e pagamentos: anular, excluir, comentar"),
    _p("payments:reconcile", "Reconcile and reject payments, reopen rejected orders",
       "Conciliar y rechazar pagos, reabrir órdenes rechazadas",
       "Conciliar e rejeitar pagamentos, reabrir pedidos rejeitados"),
    _p("reports:conversations", "Conversation reports", "Reportes de conversaciones", "Relatórios de conversas"),
    _p("reports:payments", "Payment reports", "Reportes de pagos", "Relatórios de pagamentos"),
    _p("monitoring:read", "Monitoring table of agents", "Tabla de monitoreo de agentes",
       "Tabela de monitoramento de agentes"),
    # H. SaaS back office
    _p("dashboard:read", "See the dashboard", "Ver el dashboard", "Ver o painel"),
    _p("statistics:confidential", "See confidential statistics", "Ver estadísticas confidenciales",
       "Ver estatísticas confidenciais"),
    _p("plans:read", "See plans", "Ver planes", "Ver planos"),
    _p("plans:write", "Manage plans", "Gestionar planes", "Gerenciar planos"),
    _p("subscriptions:read", "See subscriptions", "Ver suscripciones", "Ver assinaturas"),
    _p("subscriptions:write", "Sell and manage subscriptions", "Vender y gestionar suscripciones",
       "Vender e gerenciar assinaturas"),
    _p("support:read", "See support tickets", "Ver tickets de soporte", "Ver chamados de suporte"),
    _p("support:write", "Answer, assign and close support tickets", "Responder, asignar y cerrar tickets",
       "Responder, atribuir e fechar chamados"),
    _p("quality:read", "See encounters and quality measures", "Ver encuentros y medidas de calidad",
       "Ver encontros e medidas de qualidade"),
    _p("quality:write", "Define measures and evaluate encounters", "Definir medidas y evaluar encuentros",
       "Definir medidas e avaliar encontros"),
)

KEYS: frozenset[str] = frozenset(p.key for p in CATALOGUE)
BY_KEY: dict[str, PermissionInfo] = {p.key: p for p in CATALOGUE}


def is_known(key: str) -> bool:
    return key in KEYS
