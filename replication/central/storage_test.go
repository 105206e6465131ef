package central

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
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
	t.Run("settings set once", func(t *testing.T) { testSettings(t, open(t)) })
	t.Run("rewrite all", func(t *testing.T) { testRewrite(t, open(t)) })
	t.Run("staff versions", func(t *testing.T) { testStaff(t, open(t)) })
	t.Run("concurrent pushes and pulls", func(t *testing.T) { testConcurrentPull(t, open(t)) })
	t.Run("races for a code and a setting", func(t *testing.T) { testRaces(t, open(t)) })
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

// rec is a stored record whose hash follows its body, as Vault makes them.
func rec(desk string, i int, value string) Record {
	body := fmt.Sprintf("%s|%d|%s", desk, i, value)
	return Record{ID: fmt.Sprintf("%s-e%d", desk, i), Body: []byte(body), Hash: "h:" + body}
}

func testPush(t *testing.T, st Storage) {
	ctx := context.Background()
	evs := []Record{rec("a", 1, "x"), rec("a", 2, "y")}
	for want := 2; want >= 0; want -= 2 {
		stored, last, err := st.Push(ctx, "a", evs)
		if err != nil || stored != want || last != 2 {
			t.Fatalf("push: stored %d last %d %v; want %d 2", stored, last, err, want)
		}
	}
	_, _, err := st.Push(ctx, "a", []Record{rec("a", 3, "z"), rec("a", 1, "changed")})
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.ID != "a-e1" {
		t.Fatalf("conflict: %v", err)
	}
	if n, d, _ := st.Counts(ctx); n != 2 || d != 2 {
		t.Fatalf("a refused push left %d events", n)
	}
	// One push holding an event twice: once stored, or a conflict.
	twice := rec("a", 4, "w")
	if stored, _, err := st.Push(ctx, "a", []Record{twice, twice}); err != nil || stored != 1 {
		t.Fatalf("an event twice in one push: stored %d, %v", stored, err)
	}
	other := rec("a", 5, "v")
	changed := other
	changed.Hash += "!"
	if _, _, err := st.Push(ctx, "a", []Record{other, changed}); !errors.As(err, &ce) || ce.ID != "a-e5" {
		t.Fatalf("two contents of one ID in one push: %v", err)
	}
}

func testPull(t *testing.T, st Storage) {
	ctx := context.Background()
	for i := range 5 {
		if _, _, err := st.Push(ctx, "a", []Record{rec("a", i, "x")}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.Push(ctx, "b", []Record{rec("b", i, "y")}); err != nil {
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
		got += len(p.Records)
		cursor = p.Next
		if !p.More {
			break
		}
	}
	if got != 10 || cursor != 10 {
		t.Fatalf("pulled %d events, cursor %d; want 10 and cursor 10", got, cursor)
	}
	if p, err := st.Pull(ctx, cursor, 2); err != nil || len(p.Records) != 0 || p.More || p.Next != 10 {
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
		if _, _, err := st.Push(ctx, "a", []Record{rec("a", i, big)}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := st.Pull(ctx, 0, 100)
	if err != nil || len(p.Records) != 2 || !p.More || p.Next != 2 {
		t.Fatalf("page of large events: %d events, more %v, next %d, %v", len(p.Records), p.More, p.Next, err)
	}
}

func testSettings(t *testing.T, st Storage) {
	ctx := context.Background()
	if v, err := st.Setting(ctx, "k"); err != nil || v != nil {
		t.Fatalf("unset setting: %q %v", v, err)
	}
	for _, try := range []string{"first", "second"} {
		if v, err := st.InitSetting(ctx, "k", []byte(try)); err != nil || string(v) != "first" {
			t.Fatalf("init %s: got %q %v, want the first value kept", try, v, err)
		}
	}
	if v, err := st.Setting(ctx, "k"); err != nil || string(v) != "first" {
		t.Fatalf("setting: %q %v", v, err)
	}
}

func testRewrite(t *testing.T, st Storage) {
	ctx := context.Background()
	if _, _, err := st.Push(ctx, "a", []Record{rec("a", 1, "x"), rec("a", 2, "y")}); err != nil {
		t.Fatal(err)
	}
	n, err := st.RewriteAll(ctx, func(r Record) (Record, error) {
		return Record{ID: r.ID, Body: append([]byte("new "), r.Body...), Hash: "new " + r.Hash}, nil
	})
	if err != nil || n != 2 {
		t.Fatalf("rewrite: %d %v", n, err)
	}
	p, err := st.Pull(ctx, 0, 10)
	if err != nil || len(p.Records) != 2 || string(p.Records[0].Body) != "new a|1|x" {
		t.Fatalf("after rewrite: %+v %v", p, err)
	}
	// The replay check now compares with the new hash.
	r := rec("a", 1, "x")
	r.Hash = "new " + r.Hash
	if stored, _, err := st.Push(ctx, "a", []Record{r}); err != nil || stored != 0 {
		t.Fatalf("replay after rewrite: %d %v", stored, err)
	}
	failed := errors.New("stop")
	if _, err := st.RewriteAll(ctx, func(Record) (Record, error) { return Record{}, failed }); !errors.Is(err, failed) {
		t.Fatalf("failed rewrite: %v", err)
	}
	if p, _ := st.Pull(ctx, 0, 10); string(p.Records[1].Body) != "new a|2|y" {
		t.Fatal("a failed rewrite changed records")
	}
}

func testStaff(t *testing.T, st Storage) {
	ctx := context.Background()
	a := intake.StaffRecord{Staff: intake.Staff{ID: "s1", Name: "Testperson Alpha", Role: intake.RoleAdmin},
		PasswordHash: "$argon2id$x", KeyWrap: []byte{1, 2}}
	b := intake.StaffRecord{Staff: intake.Staff{ID: "s2", Name: "Testperson Beta", Role: intake.RoleHealth},
		PasswordHash: "$argon2id$y", KeyWrap: []byte{3}}
	for i, r := range []intake.StaffRecord{a, b} {
		if v, err := st.PutStaff(ctx, r); err != nil || v != int64(i+1) {
			t.Fatalf("put %s: version %d %v", r.ID, v, err)
		}
	}
	clash := b
	clash.ID, clash.Name = "s3", "TESTPERSON ALPHA"
	if _, err := st.PutStaff(ctx, clash); !errors.Is(err, ErrStaffExists) {
		t.Fatalf("a second account with a folded name: %v", err)
	}
	a.Disabled = true
	if v, err := st.PutStaff(ctx, a); err != nil || v != 3 {
		t.Fatalf("change: version %d %v", v, err)
	}
	got, err := st.StaffByName(ctx, "testperson alpha")
	if err != nil || !got.Disabled || got.Version != 3 || got.Role != intake.RoleAdmin || string(got.KeyWrap) != "\x01\x02" {
		t.Fatalf("by name: %+v %v", got, err)
	}
	after, err := st.StaffAfter(ctx, 1, 10)
	if err != nil || len(after) != 2 || after[0].ID != "s2" || after[1].ID != "s1" {
		t.Fatalf("after version 1: %+v %v", after, err)
	}
	if _, err := st.StaffByName(ctx, "nobody"); !errors.Is(err, ErrUnknownStaff) {
		t.Fatalf("unknown name: %v", err)
	}
}

// testConcurrentPull: desks push at once while another pulls over and
// over; the puller must see every event exactly once and each desk's in
// the order pushed. A store that let a later commit take a smaller
// sequence would make the puller's cursor pass over an event for good.
func testConcurrentPull(t *testing.T, st Storage) {
	const desks, pushes, batch = 4, 40, 5
	ctx := context.Background()
	var wg sync.WaitGroup
	var pushing atomic.Int32
	pushing.Store(desks)
	errs := make(chan error, desks)
	for d := range desks {
		wg.Go(func() {
			defer pushing.Add(-1)
			desk := fmt.Sprintf("d%d", d)
			for p := range pushes {
				recs := make([]Record, batch)
				for i := range recs {
					recs[i] = rec(desk, p*batch+i, "x")
				}
				if _, _, err := st.Push(ctx, desk, recs); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	seen := pullUntilQuiet(t, st, &pushing)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(seen) != desks*pushes*batch {
		t.Fatalf("pulled %d events, want %d", len(seen), desks*pushes*batch)
	}
	next := map[string]int{}
	for _, id := range seen {
		desk, n, _ := strings.Cut(id, "-e")
		if want := fmt.Sprint(next[desk]); n != want {
			t.Fatalf("desk %s: event %s pulled where %s was due", desk, n, want)
		}
		next[desk]++
	}
}

// pullUntilQuiet pulls small pages until the pushers are done and a last
// pull finds nothing more, and returns the IDs in the order pulled.
func pullUntilQuiet(t *testing.T, st Storage, pushing *atomic.Int32) []string {
	var seen []string
	cursor := int64(0)
	for range 100000 {
		done := pushing.Load() == 0
		p, err := st.Pull(context.Background(), cursor, 7)
		if err != nil {
			t.Fatal(err)
		}
		if p.Next < cursor {
			t.Fatalf("cursor went back from %d to %d", cursor, p.Next)
		}
		for _, r := range p.Records {
			seen = append(seen, r.ID)
		}
		cursor = p.Next
		if done && !p.More && len(p.Records) == 0 {
			return seen
		}
	}
	t.Fatal("the pushers did not finish")
	return nil
}

// testRaces: desks redeeming one code at once enrol one desk, and
// starts initialising one setting at once all end with the same value.
func testRaces(t *testing.T, st Storage) {
	const n = 8
	ctx := context.Background()
	now := time.Now()
	if err := st.AddCode(ctx, "race", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	redeemed := make([]error, n)
	values := make([]string, n)
	for i := range n {
		wg.Go(func() {
			redeemed[i] = st.Redeem(ctx, "race", fmt.Sprintf("d%d", i), "cred", now)
			v, err := st.InitSetting(ctx, "race", []byte(fmt.Sprint(i)))
			if err != nil {
				v = []byte(err.Error())
			}
			values[i] = string(v)
		})
	}
	wg.Wait()
	won := 0
	for i, err := range redeemed {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, ErrCodeUsed):
			t.Fatalf("redeem %d: %v", i, err)
		}
		if values[i] != values[0] {
			t.Fatalf("settings differ: %q and %q", values[i], values[0])
		}
	}
	if desks, err := st.Desks(ctx); won != 1 || err != nil || len(desks) != 1 {
		t.Fatalf("%d redeemed one code, %d desks enrolled (%v)", won, len(desks), err)
	}
}
