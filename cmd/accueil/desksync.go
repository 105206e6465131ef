package main

import (
	"context"
	"errors"
	"log"

	"fyne.io/fyne/v2"

	"accueil/replication"
	"accueil/store"
	"accueil/ui"
)

// syncInterval is how often an enrolled desk syncs when nothing nudges it
// and the central answers; a save nudges it at once. Offline, attempts
// space out to replication.MaxRetryPause.
const syncInterval = replication.OnlinePoll

// startSync runs the desk's sync in the background when the desk is
// enrolled, reporting to the sync line, and returns the function that
// nudges it after a save (a no-op for a desk with no central). With a data
// folder, the sync also keeps there what the central publishes.
func startSync(ctx context.Context, st *store.Store, desk *ui.Desk, data ...string) func() {
	cfg, err := st.SyncConfig(ctx)
	if errors.Is(err, store.ErrNotEnrolled) {
		return func() {}
	}
	if err == nil {
		var cl *replication.Client
		if cl, err = replication.NewClient(st, cfg); err == nil {
			shareWith(cl, st, data...)
			go syncInBackground(ctx, st, cl, desk)
			return cl.Nudge
		}
	}
	log.Printf("accueil: sync not started: %v", err)
	return func() {}
}

func syncInBackground(ctx context.Context, st *store.Store, cl *replication.Client, desk *ui.Desk) {
	// The client reports at most every replication.ProgressEvery: the
	// sync line redraws a few times a second however fast pages come.
	cl.OnProgress = func(p replication.Progress) {
		shown := ui.SyncProgress{Received: int(p.Received()), Total: int(p.Total())}
		fyne.Do(func() { desk.ShowSyncProgress(shown) })
	}
	report := func(s replication.Status) {
		warnRefusals(cl)
		waiting, _ := st.OutboxCount(ctx)
		state := ui.SyncState{
			Online: s.Online && s.Err == nil, LastSync: s.LastSync, Waiting: waiting, ClockSkew: cl.ClockSkew(),
			Changed: s.Err == nil && (s.Last.New > 0 || s.Last.Pushed > 0),
		}
		fyne.Do(func() { desk.ShowSync(state) })
	}
	if err := cl.Run(ctx, syncInterval, report); err != nil {
		// Run stops only on a refusal (revoked desk, update required).
		log.Printf("accueil: sync stopped: %v", err)
		waiting, _ := st.OutboxCount(ctx)
		fyne.Do(func() { desk.ShowSync(ui.SyncState{Refused: true, Waiting: waiting}) })
	}
}
