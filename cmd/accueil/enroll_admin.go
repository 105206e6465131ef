package main

import (
	"context"
	"errors"
	"fmt"

	"accueil/intake"
	"accueil/replication"
)

// enrollDesk logs in --user, who must be an administrator of this desk,
// and enrols the desk with the central at url. The desk store adopts the
// deployment key the central sends, so that the accounts the central
// manages can log in here, offline too; it returns the desk's ID.
func (c *common) enrollDesk(ctx context.Context, url, code string) (string, error) {
	if err := replication.CheckEnrolment(url, code); err != nil {
		return "", err
	}
	if c.user == "" {
		return "", errors.New("--user is required: an administrator of this desk enrols it")
	}
	st, staff, err := c.session(ctx)
	if err != nil {
		return "", err
	}
	defer st.Close()
	if staff.Role != intake.RoleAdmin {
		return "", fmt.Errorf("%s is not an administrator of this desk", c.user)
	}
	// A desk store that cannot keep the deployment key (older than
	// centrally managed accounts) still enrols; its own accounts log in.
	if ka, ok := any(st).(replication.KeyAdopter); ok {
		err = replication.EnrollAdopting(ctx, st, ka, staff, url, code)
	} else {
		err = replication.Enroll(ctx, st, url, code)
	}
	if err != nil {
		return "", err
	}
	return st.DeskID(), nil
}
