import { useEffect, useState } from 'react'

export const ROUTES = ['today', 'library', 'packets', 'settings'] as const
export type Route = (typeof ROUTES)[number]

function readRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?&]/)[0]
  return (ROUTES as readonly string[]).includes(name ?? '') ? (name as Route) : 'today'
}

/** In-app navigation is by hash only, so the window never leaves index.html. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(readRoute)
  useEffect(() => {
    const onChange = () => setRoute(readRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [route, (next) => (window.location.hash = `#/${next}`)]
}
