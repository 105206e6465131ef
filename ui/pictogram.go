package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// pictogram maps a topic's pictogram name to an icon. Pictograms carry no
// words, so they help newcomers who read little.
func pictogram(name string) fyne.Resource {
	switch name {
	case "welcome":
		return theme.InfoIcon()
	case "house":
		return theme.HomeIcon()
	case "money":
		return theme.AccountIcon()
	case "health":
		return theme.ContentAddIcon()
	case "language":
		return theme.DocumentIcon()
	case "work":
		return theme.SettingsIcon()
	case "family":
		return theme.AccountIcon()
	case "rights":
		return theme.ConfirmIcon()
	case "return":
		return theme.NavigateBackIcon()
	case "data":
		return theme.VisibilityOffIcon()
	case "phone":
		return theme.MailComposeIcon()
	case "daily-life":
		return theme.CalendarIcon()
	}
	return theme.QuestionIcon()
}
