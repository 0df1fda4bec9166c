package fetch

import (
	"context"
	"strings"
	"sync"
	"time"
)

// HostLimiter spaces out requests to the same host: a call to Wait for a
// host returns at least delay after the previous call for that host
// returned. Callers for one host go one at a time; different hosts never
// wait for each other. It is safe for concurrent use.
type HostLimiter struct {
	delay time.Duration

	mu    sync.Mutex
	hosts map[string]*hostTurn
}

// hostTurn serialises the callers for one host.
type hostTurn struct {
	turn    chan struct{} // holds one token: whoever takes it goes next
	last    time.Time     // when the last caller was let through
	waiters int           // callers holding a reference; guarded by HostLimiter.mu
}

// NewHostLimiter returns a limiter; a delay of zero or less never waits.
func NewHostLimiter(delay time.Duration) *HostLimiter {
	return &HostLimiter{delay: delay, hosts: make(map[string]*hostTurn)}
}

// pruneAt is the number of remembered hosts above which idle ones are
// forgotten.
const pruneAt = 1024

// Wait blocks until host may be contacted, or ctx is done.
func (l *HostLimiter) Wait(ctx context.Context, host string) error {
	if l.delay <= 0 {
		return ctx.Err()
	}
	h := l.acquire(strings.ToLower(host))
	defer l.release(h)

	select {
	case <-h.turn:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { h.turn <- struct{}{} }()

	if wait := time.Until(h.last.Add(l.delay)); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
	}
	h.last = time.Now()
	return nil
}

func (l *HostLimiter) acquire(host string) *hostTurn {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		if len(l.hosts) >= pruneAt {
			l.pruneLocked()
		}
		h = &hostTurn{turn: make(chan struct{}, 1)}
		h.turn <- struct{}{}
		l.hosts[host] = h
	}
	h.waiters++
	return h
}

func (l *HostLimiter) release(h *hostTurn) {
	l.mu.Lock()
	h.waiters--
	l.mu.Unlock()
}

// pruneLocked forgets hosts nobody is waiting for whose delay has passed.
// A host's last time is only written by a caller holding a reference, so
// reading it here with waiters == 0 is safe.
func (l *HostLimiter) pruneLocked() {
	cutoff := time.Now().Add(-l.delay)
	for name, h := range l.hosts {
		if h.waiters == 0 && h.last.Before(cutoff) {
			delete(l.hosts, name)
		}
	}
}
