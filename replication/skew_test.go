package replication_test

import (
	"net/http"
	"testing"
	"time"
)

func TestClockSkewIsMeasured(t *testing.T) {
	ahead := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Date", time.Now().Add(time.Minute).UTC().Format(http.TimeFormat))
			h.ServeHTTP(w, r)
		})
	}
	c := startCentral(t, ahead)
	desk := enrolledDesk(t, c)
	savePersons(t, desk, 1)
	sum := syncDesk(t, desk)
	if d := sum.ClockSkew - time.Minute; d < -2*time.Second || d > 2*time.Second {
		t.Fatalf("skew %v, want about a minute", sum.ClockSkew)
	}
	plain := startCentral(t, nil)
	if sum := syncDesk(t, enrolledDesk(t, plain)); sum.ClockSkew > 2*time.Second || sum.ClockSkew < -2*time.Second {
		t.Fatalf("skew %v against a central on the same clock", sum.ClockSkew)
	}
}
