"""The list's search (B8): accent- and case-insensitive, typo-tolerant, over name, email, phone,
document and company — built for a million contacts per workspace.

* An email-like term (with ``@``) is a prefix of the stored, normalised email (b-tree).
* A phone-like term is a prefix of the E.164 phone, as typed or as a national number of the
  workspace's region (b-tree), or a whole digits word.
* Otherwise each word (folded like the database folds: unaccented, lower-case) is expanded
  through the workspace's word dictionary with pg_trgm — words it prefixes or is part of, and
  similar words (similarity ≥ 0.45: one wrong letter in a five-letter word) — and the contact must
  have one of them among its ``search_words`` (GIN). "Perez", "Pérez" and "Peres" all find
  "Pérez" (and "Peres": typo tolerance works both ways).

Why words and not a trigram scan of a text column: see docs/performance.md (a per-row similarity
costs ~25 µs, too much for the rows a page may have to look at).
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from api.contacts.models import Contact, ContactSearchWord
from api.core.context import TenantContext
from api.core.phones import looks_like_phone, search_prefixes
from api.core.search import escape_like, search_words
from api.identity.service import workspace_region

MAX_VARIANTS = 50
SIMILARITY = 0.45


async def word_variants(ctx: TenantContext, word: str) -> list[str]:
    """``word`` and the dictionary words it may stand for, best first."""
    entry = ContactSearchWord.word
    prefix = entry.like(f"{escape_like(word)}%", escape="\\")
    candidates = [prefix]
    if len(word) >= 3:
        candidates += [entry.like(f"%{escape_like(word)}%", escape="\\"),
                       and_(entry.op("%")(word), func.similarity(entry, word) >= SIMILARITY)]
    stmt = (select(entry)
            .where(ContactSearchWord.tenant_id == ctx.tenant_id, or_(*candidates))
            .order_by((entry == word).desc(), prefix.desc(), func.similarity(entry, word).desc(), entry)
            .limit(MAX_VARIANTS))
    found = (await ctx.session.execute(stmt)).scalars()
    return [word, *(variant for variant in found if variant != word)]


async def search_condition(ctx: TenantContext, q: str) -> ColumnElement[bool] | None:
    term = q.strip()
    if "@" in term:
        return Contact.email.like(f"{escape_like(term.lower())}%", escape="\\")
    if looks_like_phone(term):
        digits = "".join(ch for ch in term if ch.isdigit())
        prefixes = search_prefixes(term, await workspace_region(ctx))
        return or_(*(Contact.phone.like(f"{prefix}%") for prefix in prefixes),
                   Contact.search_words.overlap([digits]))
    words = search_words(term)
    if not words:
        return None
    return and_(*[Contact.search_words.overlap(await word_variants(ctx, word)) for word in words])
