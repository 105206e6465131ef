package replication_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"accueil/replication"
	"accueil/store"
)

func TestEnrolment(t *testing.T) {
	c := startCentral(t, nil)
	other, err := replication.NewAuthority("another CA")
	if err != nil {
		t.Fatal(err)
	}
	used := c.code(t, time.Hour)
	if err := replication.Enroll(context.Background(), openDesk(t), c.URL, used); err != nil {
		t.Fatalf("first use: %v", err)
	}
	good, _ := replication.ParseEnrolCode(c.code(t, time.Hour))
	wrongCA := replication.EnrolCode{CA: other.Fingerprint(), Token: good.Token}
	tests := []struct {
		name string
		code string
		want func(error) bool
	}{
		{"reused", used, isRefusal(replication.CodeEnrolCode)},
		{"expired", c.code(t, -time.Second), isRefusal(replication.CodeEnrolCode)},
		{"unknown token", mustCode(t, c.ID.CA).String(), isRefusal(replication.CodeEnrolCode)},
		{"wrong fingerprint", wrongCA.String(), func(err error) bool { return errors.Is(err, replication.ErrFingerprint) }},
		{"typo", "ABC" + good.String()[3:], func(err error) bool { return errors.Is(err, replication.ErrBadCode) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			desk := openDesk(t)
			err := replication.Enroll(context.Background(), desk, c.URL, tt.code)
			if err == nil || !tt.want(err) {
				t.Fatalf("got %v", err)
			}
			if _, err := desk.SyncConfig(context.Background()); !errors.Is(err, store.ErrNotEnrolled) {
				t.Fatalf("something was stored: %v", err)
			}
		})
	}
	// The code refused for its wrong fingerprint was never sent: its token
	// still works with the right CA.
	if err := replication.Enroll(context.Background(), openDesk(t), c.URL, good.String()); err != nil {
		t.Fatalf("token after wrong-fingerprint attempt: %v", err)
	}
}

func mustCode(t *testing.T, ca replication.Fingerprint) replication.EnrolCode {
	c, err := replication.NewEnrolCode(ca)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func isRefusal(code string) func(error) bool {
	return func(err error) bool {
		var re *replication.RemoteError
		return errors.As(err, &re) && re.ErrorBody.Error == code
	}
}

func TestTwoDesksConverge(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	a, b := enrolledDesk(t, c), enrolledDesk(t, c)
	ids := savePersons(t, a, 25)
	if sum := syncDesk(t, a); sum.Pushed != 25 {
		t.Fatalf("A pushed %d, want 25", sum.Pushed)
	}
	if sum := syncDesk(t, b); sum.New != 25 {
		t.Fatalf("B received %d new events, want 25", sum.New)
	}
	for _, id := range ids {
		pa, _, err := a.Person(ctx, admin, id)
		if err != nil {
			t.Fatal(err)
		}
		pb, _, err := b.Person(ctx, admin, id)
		if err != nil {
			t.Fatalf("B lacks %s: %v", id, err)
		}
		if !reflect.DeepEqual(pa, pb) {
			t.Fatalf("person %s differs:\nA %+v\nB %+v", id, pa, pb)
		}
	}
	p, vers, err := b.Person(ctx, admin, ids[3])
	if err != nil {
		t.Fatal(err)
	}
	p.GivenNames = "Amina Leyla"
	if _, _, err := b.SavePerson(ctx, admin, p, vers); err != nil {
		t.Fatal(err)
	}
	syncDesk(t, b)
	syncDesk(t, a)
	got, _, err := a.Person(ctx, admin, ids[3])
	if err != nil || got.GivenNames != "Amina Leyla" {
		t.Fatalf("A sees %q, %v; want the edit from B", got.GivenNames, err)
	}
	for _, d := range []*store.Store{a, b} {
		if out, _ := d.Outbox(ctx, 0); len(out) != 0 {
			t.Fatalf("outbox not empty: %d", len(out))
		}
	}
	if n, dist := c.counts(t); n != 26 || dist != 26 {
		t.Fatalf("central holds %d events (%d distinct), want 26", n, dist)
	}
}

// TestWrongCertificateAfterEnrolment: a server with another CA at the
// central's address (a replaced machine, an impostor) is refused at once,
// without retries and without sending anything.
func TestWrongCertificateAfterEnrolment(t *testing.T) {
	c := startCentral(t, nil)
	impostor := startCentral(t, nil)
	desk := enrolledDesk(t, c)
	savePersons(t, desk, 2)
	cl := client(t, desk)
	cl.URL = impostor.URL
	start := time.Now()
	if _, err := cl.Sync(context.Background()); err == nil {
		t.Fatal("synced with a server the desk does not trust")
	}
	if time.Since(start) > time.Second {
		t.Fatal("a certificate error was retried")
	}
	if n, _ := impostor.counts(t); n != 0 {
		t.Fatalf("the impostor received %d events", n)
	}
}
