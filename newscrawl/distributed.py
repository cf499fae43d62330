"""One crawl, many workers: scrapy-redis's shared queue and seen-set, made safe for workers
that come and go (``-s SCHEDULER=newscrawl.distributed.RedisScheduler -s REDIS_URL=...``).

scrapy-redis 0.9.1 runs on Scrapy 2.19 but was built for one long-lived worker per crawl:
each worker closes as soon as *its* engine is idle (while others still produce work),
clears the queue and seen-set when it closes (``SCHEDULER_PERSIST`` off; one Ctrl-C wipes
the crawl) or never (on: the next crawl skips every listing as seen), pops requests out of
Redis so that a worker killed mid-request loses them, blocks the reactor on
``SCHEDULER_IDLE_BEFORE_CLOSE``, and passes the deprecated ``spider`` argument to the
stats. ``RedisScheduler`` keeps its queue, serializer and dupefilter and changes the rules:

* a pop moves the request atomically into this worker's in-flight set in Redis; it leaves
  that set once Scrapy has downloaded it and handled everything its callback produced;
* each worker writes a heartbeat (``NEWSCRAWL_WORKER_TIMEOUT`` seconds to live); the
  in-flight set of a worker whose heartbeat expired goes back to the queue;
* a worker stops only when the crawl is over: queue empty, nothing in flight anywhere,
  every live worker idle. The last ones out clear the queue and let the seen-set expire
  ``NEWSCRAWL_CRAWL_LINGER`` seconds later (default 60): a worker started just after the
  end finds the crawl done instead of crawling again alone, and the next crawl (the next
  cron run) fetches the listings again. ``SCHEDULER_PERSIST=1`` keeps the seen-set.
  A worker stopped early (Ctrl-C, error) hands its in-flight requests back at once.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.misc import load_object
from scrapy_redis import defaults
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: Seconds between heartbeats (and in-flight bookkeeping, and looks at the shared queue).
TICK = 0.25
#: Pop the best request into the worker's in-flight set, in one step.
_POP_INTO = "local r = redis.call('ZPOPMIN', KEYS[1]) if r[1] then redis.call('ZADD', KEYS[2], r[2], r[1]) end return r[1]"
#: A dead worker's in-flight requests back into the queue, in one step (one rescuer wins).
_REQUEUE = ("local r = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES') for i = 1, #r, 2 do "
            "redis.call('ZADD', KEYS[1], r[i + 1], r[i]) end redis.call('DEL', KEYS[2]) "
            "redis.call('SREM', KEYS[3], ARGV[1]) return #r / 2")


class RedisScheduler(Scheduler):
    """scrapy-redis's scheduler for workers that start and stop at any time (see the module)."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        settings = crawler.settings
        server = get_redis_from_settings(settings)
        server.ping()
        serializer = settings.get("SCHEDULER_SERIALIZER")
        scheduler = cls(
            server=server, persist=settings.getbool("SCHEDULER_PERSIST"),
            flush_on_start=settings.getbool("SCHEDULER_FLUSH_ON_START"),
            queue_key=settings.get("SCHEDULER_QUEUE_KEY") or defaults.SCHEDULER_QUEUE_KEY,
            dupefilter_key=settings.get("SCHEDULER_DUPEFILTER_KEY") or defaults.SCHEDULER_DUPEFILTER_KEY,
            serializer=load_object(serializer) if isinstance(serializer, str) else serializer,
        )
        scheduler.crawler, scheduler.stats = crawler, crawler.stats
        scheduler.timeout_ms = int(settings.getfloat("NEWSCRAWL_WORKER_TIMEOUT", 10.0) * 1000)
        scheduler.linger = settings.getint("NEWSCRAWL_CRAWL_LINGER", 60)
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        # A sorted set, as scrapy-redis's default queue: the in-flight sets use its encoding.
        self.queue = PriorityQueue(self.server, spider, self.queue_key % {"spider": spider.name}, self.serializer)
        self.df = RFPDupeFilter(self.server, self.dupefilter_key % {"spider": spider.name},
                                debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        prefix = spider.name
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.workers_key = f"{prefix}:workers"
        self.heartbeat_key = f"{prefix}:worker:%s"
        self.inflight_key = f"{prefix}:inflight:%s"
        self.popped: dict[Request, bytes] = {}  # this worker's in-flight requests -> their queue entries
        self.idle = False
        self.crawl_over = False
        if self.flush_on_start:
            self.flush()
        self._beat()
        if len(self.queue):
            logger.info("joining a crawl in progress: %d requests queued", len(self.queue))
        self.ticker = LoopingCall(self._tick)
        self.ticker.start(TICK, now=False)

    # -- the queue -------------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        data = self.server.eval(_POP_INTO, 2, self.queue.key, self.inflight_key % self.worker)
        if not data:
            return None
        request = self.queue._decode_request(data)
        self.popped[request] = data
        self.idle = False
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return len(self.queue) > 0

    # -- workers -----------------------------------------------------------------------------
    def _in_progress(self) -> set[Request]:
        """Requests Scrapy is downloading or whose callback output it is still handling
        (the engine's own bookkeeping: no public API says when a request is done)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        return set(getattr(slot, "inprogress", ()))

    def _beat(self) -> None:
        """Heartbeat, and drop from the in-flight set what Scrapy has finished with."""
        in_progress = self._in_progress()
        done = [request for request in self.popped if request not in in_progress]
        with self.server.pipeline() as pipe:
            pipe.set(self.heartbeat_key % self.worker, "idle" if self.idle else "busy", px=self.timeout_ms)
            pipe.sadd(self.workers_key, self.worker)
            if done:
                pipe.zrem(self.inflight_key % self.worker, *(self.popped.pop(request) for request in done))
            pipe.execute()

    def _rescue(self) -> bool:
        """Requeue the in-flight requests of workers whose heartbeat expired; whether any
        other worker is still alive and busy."""
        others = [w.decode() if isinstance(w, bytes) else w for w in self.server.smembers(self.workers_key)]
        others = [worker for worker in others if worker != self.worker]
        states = self.server.mget([self.heartbeat_key % worker for worker in others]) if others else []
        busy = False
        for worker, state in zip(others, states):
            if state is None:
                count = self.server.eval(_REQUEUE, 3, self.queue.key, self.inflight_key % worker, self.workers_key,
                                         worker)
                if count:
                    logger.warning("worker %s stopped answering: %d of its requests back in the queue", worker, count)
                    self.stats.inc_value("newscrawl/distributed/requeued", count)
            elif state in (b"busy", "busy") or self.server.zcard(self.inflight_key % worker):
                busy = True
        return busy

    def _tick(self) -> None:
        try:
            self._beat()
            self._rescue()
        except Exception:  # noqa: BLE001 - Redis unreachable for a moment: the next tick retries
            logger.exception("worker bookkeeping in Redis failed")
            return
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None and len(self.queue):
            slot.nextcall.schedule()  # another worker queued work: take it now, not at the 5 s heartbeat

    def spider_idle(self, spider: Spider) -> None:
        """Stay while the crawl is not over anywhere (queue, in-flight sets, busy workers)."""
        self.idle = True
        self._beat()
        if self._rescue() or len(self.queue) or self.server.zcard(self.inflight_key % self.worker):
            raise DontCloseSpider
        self.crawl_over = True

    def close(self, reason: str) -> None:
        if self.ticker.running:
            self.ticker.stop()
        self._beat()
        with self.server.pipeline() as pipe:
            # Whatever Scrapy did not finish goes back to the queue for the other workers.
            pipe.eval(_REQUEUE, 3, self.queue.key, self.inflight_key % self.worker, self.workers_key, self.worker)
            pipe.delete(self.heartbeat_key % self.worker)
            if self.crawl_over and reason == "finished":
                pipe.delete(self.queue.key)
                if not self.persist and self.linger > 0:
                    pipe.expire(self.df.key, self.linger)
                elif not self.persist:
                    pipe.delete(self.df.key)
            pipe.execute()
