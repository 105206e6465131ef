package central

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accueil/intake"
)

// storageSuite is the conformance test every Storage must pass.
func storageSuite(t *testing.T, open func(t *testing.T) Storage) {
	t.Run("push once, replay, conflict", func(t *testing.T) { testPush(t, open(t)) })
	t.Run("pull pages", func(t *testing.T) { testPull(t, open(t)) })
	t.Run("codes and desks", func(t *testing.T) { testCodes(t, open(t)) })
	t.Run("large events split pages", func(t *testing.T) { testPageBytes(t, open(t)) })
}

func TestSQLiteStorage(t *testing.T) {
	storageSuite(t, func(t *testing.T) Storage {
		st, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), DatabaseFile))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}

func event(desk string, i int, value string) intake.Event {
	return intake.Event{
		ID: fmt.Sprintf("%s-e%d", desk, i), EntityType: intake.EntityPerson, EntityID: fmt.Sprintf("p%d", i),
		Changes: []intake.Change{{Field: intake.FieldSurname, Value: value}},
		Time:    intake.Timestamp{Wall: int64(1000 + i)}, Desk: desk, Schema: intake.SchemaVersion,
	}
}

func testPush(t *testing.T, st Storage) {
	ctx := context.Background()
	evs := []intake.Event{event("a", 1, "x"), event("a", 2, "y")}
	for want := 2; want >= 0; want -= 2 {
		stored, last, err := st.Push(ctx, "a", evs)
		if err != nil || stored != want || last != 2 {
			t.Fatalf("push: stored %d last %d %v; want %d 2", stored, last, err, want)
		}
	}
	_, _, err := st.Push(ctx, "a", []intake.Event{event("a", 3, "z"), event("a", 1, "changed")})
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.ID != "a-e1" {
		t.Fatalf("conflict: %v", err)
	}
	if n, d, _ := st.Counts(ctx); n != 2 || d != 2 {
		t.Fatalf("a refused push left %d events", n)
	}
}

func testPull(t *testing.T, st Storage) {
	ctx := context.Background()
	for i := range 5 {
		if _, _, err := st.Push(ctx, "a", []intake.Event{event("a", i, "x")}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.Push(ctx, "b", []intake.Event{event("b", i, "y")}); err != nil {
			t.Fatal(err)
		}
	}
	var got int
	cursor := int64(0)
	for pages := 0; ; pages++ {
		p, err := st.Pull(ctx, cursor, 3)
		if err != nil || pages > 4 {
			t.Fatalf("pull: %v after %d pages", err, pages)
		}
		got += len(p.Events)
		cursor = p.Next
		if !p.More {
			break
		}
	}
	if got != 10 || cursor != 10 {
		t.Fatalf("pulled %d events, cursor %d; want 10 and cursor 10", got, cursor)
	}
	if p, err := st.Pull(ctx, cursor, 2); err != nil || len(p.Events) != 0 || p.More || p.Next != 10 {
		t.Fatalf("pull at the end: %+v %v", p, err)
	}
}

func testCodes(t *testing.T, st Storage) {
	ctx := context.Background()
	now := time.Now()
	if err := st.AddCode(ctx, "h1", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.AddCode(ctx, "h2", now.Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		token, desk string
		want        error
	}{
		{"h1", "d1", nil},
		{"h1", "d2", ErrCodeUsed},
		{"h2", "d3", ErrCodeExpired},
		{"nope", "d4", ErrCodeUnknown},
	}
	for _, tt := range tests {
		if err := st.Redeem(ctx, tt.token, tt.desk, "cred", now); !errors.Is(err, tt.want) {
			t.Fatalf("redeem %s: %v, want %v", tt.token, err, tt.want)
		}
	}
	if _, err := st.Desk(ctx, "d2"); !errors.Is(err, ErrUnknownDesk) {
		t.Fatalf("a refused code enrolled a desk: %v", err)
	}
	if err := st.Revoke(ctx, "d1", now); err != nil {
		t.Fatal(err)
	}
	if d, err := st.Desk(ctx, "d1"); err != nil || d.Revoked.IsZero() {
		t.Fatalf("revoked desk: %+v %v", d, err)
	}
	if err := st.Revoke(ctx, "nope", now); !errors.Is(err, ErrUnknownDesk) {
		t.Fatalf("revoke unknown: %v", err)
	}
}

func testPageBytes(t *testing.T, st Storage) {
	ctx := context.Background()
	big := strings.Repeat("x", MaxPageBytes/3)
	for i := range 4 {
		if _, _, err := st.Push(ctx, "a", []intake.Event{event("a", i, big)}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := st.Pull(ctx, 0, 100)
	if err != nil || len(p.Events) != 2 || !p.More || p.Next != 2 {
		t.Fatalf("page of large events: %d events, more %v, next %d, %v", len(p.Events), p.More, p.Next, err)
	}
}
