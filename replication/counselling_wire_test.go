package replication_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"accueil/intake"
	"accueil/replication"
)

// Counselling events travel like person events; an entity type no desk
// makes is still refused.
func TestPushAcceptsCounsellingEvents(t *testing.T) {
	types := append(intake.CounsellingEntityTypes(), "unknown_type")
	for _, et := range types {
		t.Run(string(et), func(t *testing.T) {
			req := replication.PushRequest{Schema: intake.SchemaVersion, Events: []intake.Event{{
				ID: "0190e1a2-0000-7000-9000-000000000001", EntityType: et, EntityID: "0190e1a2-0000-7000-9000-000000000002",
				Desk: "desk-1", Schema: intake.SchemaVersion, Changes: []intake.Change{{Field: "case_id", Value: "x"}},
			}}}
			body, err := json.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			_, err = replication.DecodePush(bytes.NewReader(body))
			if wantErr := et == "unknown_type"; wantErr != errors.Is(err, replication.ErrMalformed) {
				t.Fatalf("DecodePush(%s) = %v", et, err)
			}
		})
	}
}
