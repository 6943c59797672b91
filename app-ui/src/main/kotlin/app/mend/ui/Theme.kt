// Mend's look: calm, warm colours that stay readable in light and dark, and Material 3's
// type scale (sizes in sp, so the person's font size setting applies everywhere).
package app.mend.ui

import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val Light: ColorScheme = lightColorScheme(
    primary = Color(0xFF2F6B62),
    onPrimary = Color(0xFFFFFFFF),
    primaryContainer = Color(0xFFB7ECE2),
    onPrimaryContainer = Color(0xFF00201C),
    secondary = Color(0xFF6B5B4E),
    onSecondary = Color(0xFFFFFFFF),
    secondaryContainer = Color(0xFFF3DFCF),
    onSecondaryContainer = Color(0xFF251910),
    background = Color(0xFFFBF8F4),
    onBackground = Color(0xFF1D1B19),
    surface = Color(0xFFFBF8F4),
    onSurface = Color(0xFF1D1B19),
    surfaceVariant = Color(0xFFE6E1DB),
    onSurfaceVariant = Color(0xFF4A4641),
    error = Color(0xFFA3372C),
    onError = Color(0xFFFFFFFF),
    errorContainer = Color(0xFFFFDAD4),
    onErrorContainer = Color(0xFF410001),
    surfaceContainerLowest = Color(0xFFFFFFFF),
    surfaceContainerLow = Color(0xFFF6F2EC),
    surfaceContainer = Color(0xFFF1ECE6),
    surfaceContainerHigh = Color(0xFFEBE6E0),
    surfaceContainerHighest = Color(0xFFE5E0DA),
    outline = Color(0xFF7B756F),
    outlineVariant = Color(0xFFCCC5BE),
)

private val Dark: ColorScheme = darkColorScheme(
    primary = Color(0xFF9BD0C6),
    onPrimary = Color(0xFF003731),
    primaryContainer = Color(0xFF145249),
    onPrimaryContainer = Color(0xFFB7ECE2),
    secondary = Color(0xFFD7C3B4),
    onSecondary = Color(0xFF3A2D23),
    secondaryContainer = Color(0xFF524438),
    onSecondaryContainer = Color(0xFFF3DFCF),
    background = Color(0xFF151412),
    onBackground = Color(0xFFE8E2DC),
    surface = Color(0xFF151412),
    onSurface = Color(0xFFE8E2DC),
    surfaceVariant = Color(0xFF4A4641),
    onSurfaceVariant = Color(0xFFCCC5BE),
    error = Color(0xFFFFB4A8),
    onError = Color(0xFF690002),
    errorContainer = Color(0xFF83231A),
    onErrorContainer = Color(0xFFFFDAD4),
    surfaceContainerLowest = Color(0xFF100F0D),
    surfaceContainerLow = Color(0xFF1D1B19),
    surfaceContainer = Color(0xFF221F1D),
    surfaceContainerHigh = Color(0xFF2C2A27),
    surfaceContainerHighest = Color(0xFF373432),
    outline = Color(0xFF958F88),
    outlineVariant = Color(0xFF4A4641),
)

/** Mend's theme, light or dark as the platform says. */
@Composable
fun MendTheme(dark: Boolean, content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
