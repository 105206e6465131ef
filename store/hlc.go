package store

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"accueil/intake"
)

// ErrClockDrift is returned by Clock.Update for a remote time too far ahead
// of this desk's wall clock: adopting it would stamp every later local
// event with that desk's error.
var ErrClockDrift = errors.New("remote clock too far ahead")

// Clock is a hybrid logical clock: readings follow the wall clock in
// milliseconds, never go backwards even when the wall clock does (an NTP
// step, a wrong BIOS clock fixed by hand), and order an event after every
// event it was made after, on any desk.
type Clock struct {
	mu   sync.Mutex
	wall func() time.Time
	last intake.Timestamp
	// MaxDrift bounds how far ahead of the wall clock a remote time may be
	// for Update to accept it; zero means no bound.
	MaxDrift time.Duration
}

// NewClock returns a clock reading wall and starting after last, the
// reading persisted before the previous shutdown.
func NewClock(wall func() time.Time, last intake.Timestamp) *Clock {
	return &Clock{wall: wall, last: last, MaxDrift: 24 * time.Hour}
}

// Now returns a reading later than every reading before it.
func (c *Clock) Now() intake.Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = c.advance(c.wall().UnixMilli(), c.last)
	return c.last
}

// Update merges the time of a received event, so that events made here
// afterwards sort after it, and returns the new reading.
func (c *Clock) Update(remote intake.Timestamp) (intake.Timestamp, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	wall := c.wall().UnixMilli()
	if c.MaxDrift > 0 && remote.Wall-wall > c.MaxDrift.Milliseconds() {
		return c.last, fmt.Errorf("update clock to %s: %w", remote, ErrClockDrift)
	}
	base := c.last
	if remote.Compare(base) > 0 {
		base = remote
	}
	c.last = c.advance(wall, base)
	return c.last, nil
}

// Last returns the latest reading without advancing the clock.
func (c *Clock) Last() intake.Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// advance returns the reading after prev at wall time wall: the wall time
// when it moved on, else prev's wall time with the counter incremented.
func (c *Clock) advance(wall int64, prev intake.Timestamp) intake.Timestamp {
	if wall > prev.Wall {
		return intake.Timestamp{Wall: wall}
	}
	if prev.Logical == math.MaxUint32 {
		// Four billion events in one millisecond cannot happen at a desk;
		// borrowing a millisecond keeps the order if it ever does.
		return intake.Timestamp{Wall: prev.Wall + 1}
	}
	return intake.Timestamp{Wall: prev.Wall, Logical: prev.Logical + 1}
}
