package ui

import (
	"errors"

	"accueil/store"
)

// errorKind maps an error to the message ID the staff read. The error's
// text stays out of the interface: it may carry technical detail or, from
// a lower layer, a value the reader should not see.
func errorKind(err error) string {
	switch {
	case errors.Is(err, store.ErrForbidden):
		return "error.forbidden"
	case errors.Is(err, store.ErrNotFound):
		return "error.not_found"
	case errors.Is(err, store.ErrBadLogin):
		return "login.error.bad"
	case errors.Is(err, store.ErrLocked):
		return "error.locked"
	case errors.Is(err, store.ErrNoKey):
		return "login.error.no_key"
	}
	return "error.unexpected"
}
