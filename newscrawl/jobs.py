"""A crawl job in Redis: its name, and the steps on its keys that must be atomic (Lua scripts,
run by Redis as one step: no other worker sees a half-done change)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy import Spider

#: Mark seen (unless dont_filter), queue and count a request, in one step: 1 if queued.
#: KEYS: seen-set, queue, counts; ARGV: fingerprint, score, encoded request, "1" to filter.
ENQUEUE = ("if ARGV[4] == '1' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end "
           "redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) redis.call('HINCRBY', KEYS[3], 'enqueued', 1) return 1")
#: Pop the best request into the worker's in-flight set, in one step.
POP_INTO = "local r = redis.call('ZPOPMIN', KEYS[1]) if r[1] then redis.call('ZADD', KEYS[2], r[2], r[1]) end return r[1]"
#: A dead worker's in-flight requests back into the queue, in one step (one rescuer wins).
REQUEUE = ("local r = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES') for i = 1, #r, 2 do "
           "redis.call('ZADD', KEYS[1], r[i + 1], r[i]) end redis.call('DEL', KEYS[2]) "
           "redis.call('SREM', KEYS[3], ARGV[1]) return #r / 2")


def job_name(spider: Spider, job: str | None) -> str:
    """``NEWSCRAWL_JOB``, else the spider's name and a digest of its parsed arguments (the
    spider's ``arguments`` dataclass: range, editions, site root)."""
    if job:
        return job
    arguments = getattr(spider, "arguments", None)
    described = json.dumps(asdict(arguments) if is_dataclass(arguments) and not isinstance(arguments, type) else {},
                           sort_keys=True, default=str)
    return f"{spider.name}:{hashlib.sha1(described.encode()).hexdigest()[:8]}"
