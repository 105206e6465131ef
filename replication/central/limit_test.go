package central

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"accueil/replication"
)

func TestDeskRateLimit(t *testing.T) {
	ctx := context.Background()
	st := openTestVault(t)
	now := time.Now()
	if err := st.AddCode(ctx, "h", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.Redeem(ctx, "h", "d1", replication.HashSecret("s"), now); err != nil {
		t.Fatal(err)
	}
	srv := NewServer(st, slog.New(slog.DiscardHandler))
	srv.now = func() time.Time { return now }
	srv.LimitDesks(1, 2)
	h := srv.Handler()
	pull := func() int {
		req := httptest.NewRequest(http.MethodGet, replication.PathPull+"?after=0&schema=1", nil)
		req.Header.Set("Authorization", "Bearer d1.s")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i, want := range []int{200, 200, 429} {
		if got := pull(); got != want {
			t.Fatalf("request %d: %d, want %d", i, got, want)
		}
	}
	now = now.Add(time.Second)
	if got := pull(); got != 200 {
		t.Fatalf("after a second: %d", got)
	}
}
