// Keeps the visitor's theme choice in a cookie, so that the server draws every page, static ones too, in that theme.
export function remember(name, value, maxAgeSeconds) {
    document.cookie = `${name}=${value}; path=/; max-age=${maxAgeSeconds}; samesite=lax${location.protocol === 'https:' ? '; secure' : ''}`;
}
