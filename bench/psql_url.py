"""Prints the libpq URL (postgresql://user@host:port/database) of an Npgsql connection string, for psql in the bench scripts."""
import sys

parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)


def get(*keys, default=""):
    return next((parts[k] for k in parts if k.lower() in keys), default)


print(f"postgresql://{get('username', 'user id', 'user', default='postgres')}@{get('host', 'server')}:{get('port', default='5432')}/{get('database')}")
