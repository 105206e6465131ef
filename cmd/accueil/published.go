package main

import (
	"errors"
	"io/fs"
	"log"
	"path/filepath"

	"accueil/assets"
	"accueil/guide"
	"accueil/replication"
	"accueil/store"
)

// publishedDir is where a desk keeps what the central publishes: the
// newest valid guide and reference data, each in its own folder.
func publishedDir(data string) *replication.PublishedDir {
	return &replication.PublishedDir{Dir: filepath.Join(data, "published"), Checks: replication.PublishedChecks()}
}

// shareWith makes a sync take what the central shares besides events:
// published content, kept in the data folder when one is given, and the
// staff accounts it manages, when this desk's store keeps them.
func shareWith(cl *replication.Client, st *store.Store, data ...string) {
	if len(data) > 0 && data[0] != "" {
		cl.Published = publishedDir(data[0])
	}
	// A desk store older than centrally managed accounts does not keep
	// them; it syncs events all the same.
	if ss, ok := any(st).(replication.StaffStore); ok {
		cl.Staff = ss
	}
}

// warnRefusals tells why the last sync kept no new published content.
func warnRefusals(cl *replication.Client) {
	if cl.Published == nil {
		return
	}
	for _, err := range cl.Published.Refusals() {
		log.Printf("accueil: warning: %v; keeping the content this desk has", err)
	}
}

// loadGuideContent returns the guide the central published, kept in
// data, when there is one and it loads; otherwise the embedded guide,
// with a warning when a published copy exists but cannot be used. An
// empty data means the embedded guide.
func loadGuideContent(data string) (*guide.Guide, error) {
	if data != "" {
		fsys, version, err := publishedDir(data).Open(replication.KindGuide)
		if err == nil {
			g, err := guide.Load(fsys)
			if err == nil {
				return g, nil
			}
			log.Printf("accueil: warning: published guide version %d unusable (%v); showing the built-in guide", version, err)
		} else if !errors.Is(err, fs.ErrNotExist) {
			log.Printf("accueil: warning: published guide unreadable (%v); showing the built-in guide", err)
		}
	}
	return guide.Load(assets.Guide())
}
