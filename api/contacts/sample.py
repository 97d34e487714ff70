"""Realistic Spanish and Portuguese people, cities and companies, for the demo workspace and the
benchmark (``bench/contacts_read.py``). Deterministic for a given seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from api.core.search import fold

SPANISH_FIRST = (
    "María", "José", "Lucía", "Martín", "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Sebastián", "Ximena",
    "Nicolás", "Isabella", "Alejandro", "Daniela", "Andrés", "Gabriela", "Diego", "Mariana", "Javier", "Ángela",
    "Raúl", "Inés", "Íñigo", "Begoña", "Agustín", "Ramón", "Rocío", "Concepción", "Jesús", "Álvaro", "Sergio",
    "Carmen", "Pilar", "Dolores", "Nuria", "Óscar", "Tomás", "Víctor", "Adrián", "Elena", "Paula", "Irene", "Marta",
    "Andrea", "Julia", "Hugo", "Pablo", "Manuel", "Francisco", "Antonio", "Beatriz", "Cristina", "Verónica",
    "Noelia", "Montserrat", "Jordi", "María José", "Juan Carlos", "José Luis", "Ana Belén", "Miguel Ángel",
)
SPANISH_LAST = (
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
    "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro",
    "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez",
    "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido",
    "Cortés", "Castillo", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego", "Vidal",
    "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Díez",
    "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Herrero", "Montero", "Lorenzo", "Hidalgo", "Giménez",
    "Ibáñez", "Ferrer", "Durán", "Benítez", "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román",
    "Pastor", "Soto", "Sáez", "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas",
)
PORTUGUESE_FIRST = (
    "João", "Ana", "Maria", "José", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
    "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo", "Manoel",
    "Conceição", "Sebastião", "Joaquim", "Thiago", "Gonçalo", "Inês", "Beatriz", "Leonor", "Matilde", "Francisca",
    "Mariana", "Carolina", "Letícia", "Luíza", "Júlia", "Débora", "Patrícia", "Fábio", "Sérgio", "Vitória", "Lívia",
    "Flávia", "Cecília", "Márcia", "Célia", "Tânia", "João Pedro", "Ana Luíza", "Maria Eduarda",
)
PORTUGUESE_LAST = (
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa",
    "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha",
    "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso",
    "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Peres", "Magalhães", "Simões", "Conceição", "Brandão",
    "Assunção", "Guimarães", "Gusmão", "Falcão", "Louro", "Pinto", "Cunha", "Azevedo", "Correia",
)
SPANISH_CITIES = (
    ("Madrid", "España"), ("Barcelona", "España"), ("València", "España"), ("Sevilla", "España"),
    ("Zaragoza", "España"), ("Málaga", "España"), ("Bilbao", "España"), ("Córdoba", "España"), ("Alicante", "España"),
    ("Valladolid", "España"), ("Vigo", "España"), ("A Coruña", "España"), ("Granada", "España"), ("Palma", "España"),
    ("Murcia", "España"), ("San Sebastián", "España"), ("Pamplona", "España"), ("Salamanca", "España"),
    ("Cádiz", "España"), ("León", "España"), ("Ciudad de México", "México"), ("Bogotá", "Colombia"),
    ("Medellín", "Colombia"), ("Lima", "Perú"), ("Santiago", "Chile"), ("Buenos Aires", "Argentina"),
    ("Quito", "Ecuador"), ("Montevideo", "Uruguay"),
)
PORTUGUESE_CITIES = (
    ("São Paulo", "Brasil"), ("Rio de Janeiro", "Brasil"), ("Belo Horizonte", "Brasil"), ("Brasília", "Brasil"),
    ("Salvador", "Brasil"), ("Fortaleza", "Brasil"), ("Curitiba", "Brasil"), ("Recife", "Brasil"),
    ("Porto Alegre", "Brasil"), ("Manaus", "Brasil"), ("Belém", "Brasil"), ("Goiânia", "Brasil"),
    ("Florianópolis", "Brasil"), ("Lisboa", "Portugal"), ("Porto", "Portugal"), ("Braga", "Portugal"),
    ("Coimbra", "Portugal"), ("Funchal", "Portugal"), ("Faro", "Portugal"), ("Évora", "Portugal"),
)
COMPANY_WORDS = ("Clínica", "Estética", "Grupo", "Inversiones", "Soluções", "Comercial", "Distribuidora", "Tecnologia",
                 "Construcciones", "Farmácia", "Óptica", "Consultoría", "Laboratório", "Transportes", "Panadería")
COMPANY_FORMS = ("S.L.", "S.A.", "Ltda.", "Lda.", "S.A.S.", "& Hijos", "e Filhos")
ORIGINS = ("web", "whatsapp", "referral", "phone", "walk_in", "social", "email")
DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "yahoo.es", "uol.com.br", "sapo.pt", "icloud.com")


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    email: str
    phone: str
    city: str
    country: str
    origin: str
    portuguese: bool


def _ascii(text: str) -> str:
    return fold(text).replace(" ", ".")


def _phone(rng: random.Random, country: str) -> str:
    if country == "Brasil":
        return f"+55{rng.choice((11, 21, 31, 41, 51, 61, 71, 81, 85))}9{rng.randrange(10_000_000, 99_999_999)}"
    if country == "Portugal":
        return f"+3519{rng.choice((1, 2, 3, 6))}{rng.randrange(1_000_000, 9_999_999)}"
    return f"+346{rng.randrange(10_000_000, 99_999_999)}"


def people(count: int, seed: int = 7, start: int = 0) -> Iterator[Person]:
    """``count`` people, about 60% Spanish-speaking and 40% Portuguese-speaking. Emails are
    unique (they carry the person's sequence number from ``start``)."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    for number in range(start, start + count):
        portuguese = rng.random() < 0.4
        if portuguese:
            first = rng.choice(PORTUGUESE_FIRST)
            last = rng.choice(PORTUGUESE_LAST) + ("" if rng.random() < 0.4 else f" {rng.choice(PORTUGUESE_LAST)}")
            city, country = rng.choice(PORTUGUESE_CITIES)
        else:
            first = rng.choice(SPANISH_FIRST)
            last = f"{rng.choice(SPANISH_LAST)} {rng.choice(SPANISH_LAST)}"
            city, country = rng.choice(SPANISH_CITIES)
        email = f"{_ascii(first)}.{_ascii(last.split()[0])}{number}@{rng.choice(DOMAINS)}"
        yield Person(first, last, email, _phone(rng, country), city, country, rng.choice(ORIGINS), portuguese)


def companies(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    names: dict[str, None] = {}
    while len(names) < count:
        surname = rng.choice(SPANISH_LAST + PORTUGUESE_LAST)
        names[f"{rng.choice(COMPANY_WORDS)} {surname} {rng.choice(COMPANY_FORMS)} {len(names) + 1}"] = None
    return list(names)
