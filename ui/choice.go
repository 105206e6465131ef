package ui

import "fyne.io/fyne/v2/widget"

// choice is a Select whose options are stored values shown by translated
// labels, so that switching language never changes what is saved.
type choice struct {
	*widget.Select
	values []string
	labels []string
}

// newChoice makes a choice over values; label translates one value. The
// empty value is offered first as "not known" when allowEmpty is set.
func newChoice(values []string, label func(string) string, allowEmpty bool) *choice {
	c := &choice{}
	if allowEmpty {
		c.values = append(c.values, "")
		c.labels = append(c.labels, label(""))
	}
	for _, v := range values {
		c.values = append(c.values, v)
		c.labels = append(c.labels, label(v))
	}
	c.Select = widget.NewSelect(c.labels, nil)
	return c
}

// Value returns the stored value of the selected option.
func (c *choice) Value() string {
	for i, l := range c.labels {
		if l == c.Selected {
			return c.values[i]
		}
	}
	return ""
}

// SetValue selects the option of a stored value; an unknown value selects
// nothing rather than a wrong option.
func (c *choice) SetValue(v string) {
	for i, x := range c.values {
		if x == v {
			c.SetSelected(c.labels[i])
			return
		}
	}
	c.ClearSelected()
}

func stringsOf[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
