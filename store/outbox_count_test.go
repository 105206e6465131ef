package store

import (
	"context"
	"path/filepath"
	"testing"

	"accueil/intake"
)

func TestOutboxCountFollowsSavesAndAcknowledgements(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin, err := st.CreateStaff(ctx, nil, "admin", "a long password", intake.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Testari", "Testova"} {
		if _, _, err := st.SavePerson(ctx, admin, intake.Person{Surname: name}, nil); err != nil {
			t.Fatal(err)
		}
	}
	n, err := st.OutboxCount(ctx)
	if err != nil || n != 2 {
		t.Fatalf("OutboxCount = %d, %v; want 2", n, err)
	}
	evs, err := st.Outbox(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Acknowledge(ctx, []string{evs[0].ID}); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.OutboxCount(ctx); n != 1 {
		t.Fatalf("after one acknowledgement OutboxCount = %d, want 1", n)
	}
}
