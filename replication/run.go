package replication

import (
	"context"
	"errors"
	"time"

	"accueil/store"
)

// Status is what the app shows of sync at a glance, sent after every
// attempt of Run.
type Status struct {
	// Online is false when the central could not be reached.
	Online bool
	// LastSync is the end of the last successful sync (zero before one).
	LastSync time.Time
	// Last is what the last successful sync moved.
	Last Summary
	// Err is the last attempt's error, nil after a success. A
	// *RemoteError that is not rate_limited stops Run.
	Err error
}

// OnlinePoll is how often a desk that reaches its central asks it for
// news. A save at one desk nudges its push at once; the other desks learn
// of it at their next poll, so this bounds how late an edit shows
// elsewhere. An idle poll is one small request (an empty page), and the
// central allows each desk far more (central.DefaultDeskRate).
const OnlinePoll = time.Second

// MaxRetryPause bounds the pause between attempts to reach a central that
// does not answer: a desk offline for hours tries twice a minute.
const MaxRetryPause = 30 * time.Second

// Run syncs now and then every interval until ctx ends, or at once when
// Nudge is called (after a local save). While the store is locked (no
// staff logged in) rounds are skipped quietly: sealed events can be
// neither pushed nor applied. Failures to reach the central are retried
// with growing pauses up to MaxRetryPause (or the interval, if longer); a
// refusal that waiting cannot cure (revoked desk, update required) stops
// Run with its error.
// report, if set, receives the status after every attempt, from Run's
// goroutine.
func (c *Client) Run(ctx context.Context, interval time.Duration, report func(Status)) error {
	var st Status
	failures := 0
	for {
		sum, err := c.Sync(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, store.ErrLocked) {
			// Nobody is logged in: events cannot be opened or sealed.
			// Not a failure; the next round after a login syncs.
			if !c.waitRound(ctx, interval) {
				return nil
			}
			continue
		}
		st.Err = err
		if err == nil {
			st.Online, st.LastSync, st.Last, failures = true, time.Now(), sum, 0
		} else {
			var re *RemoteError
			st.Online = errors.As(err, &re)
			failures++
			if st.Online && re.ErrorBody.Error != CodeRateLimited {
				if report != nil {
					report(st)
				}
				return err
			}
		}
		if report != nil {
			report(st)
		}
		wait := interval
		if failures > 0 {
			ceiling := max(interval, MaxRetryPause)
			wait = Backoff{Min: max(min(interval, time.Second), time.Millisecond), Max: ceiling}.wait(failures)
		}
		if !c.waitRound(ctx, wait) {
			return nil
		}
	}
}

// waitRound waits for the next round: wait elapsed or a nudge. It
// returns false when ctx ended.
func (c *Client) waitRound(ctx context.Context, wait time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(wait):
	case <-c.nudges():
	}
	return true
}

// Nudge asks Run to sync now, for instance right after a save, so that an
// edit reaches other desks within seconds. It never blocks.
func (c *Client) Nudge() {
	select {
	case c.nudges() <- struct{}{}:
	default:
	}
}

func (c *Client) nudges() chan struct{} {
	c.nudgeOnce.Do(func() { c.nudge = make(chan struct{}, 1) })
	return c.nudge
}
