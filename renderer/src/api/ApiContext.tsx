import { createContext, useContext } from 'react'
import type { ContractApi } from '../../../shared/contract'

export const ApiContext = createContext<ContractApi | null>(null)

export function useApi(): ContractApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('ApiContext missing')
  return api
}
