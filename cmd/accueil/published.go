package main

import (
	"accueil/replication"
	"accueil/store"
)

// shareWith makes a sync take what the central shares besides events:
// the staff accounts it manages, when this desk's store keeps them.
func shareWith(cl *replication.Client, st *store.Store) {
	// A desk store older than centrally managed accounts does not keep
	// them; it syncs events all the same.
	if ss, ok := any(st).(replication.StaffStore); ok {
		cl.Staff = ss
	}
}
