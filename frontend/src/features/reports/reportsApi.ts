import { apiGet, queryString } from '../../api/client';

export interface UtilisationRow {
  instrumentId: string;
  title: string;
  bookedHours: number;
  usedHours: number;
  idleHours: number;
  openHours: number;
  bookings: number;
  noShows: number;
  /** 0…1 */
  noShowRate: number;
}

export interface RevenueMonth {
  /** `2026-12` */
  month: string;
  chargeFen: number;
  subsidyFen: number;
  payableFen: number;
  bookings: number;
}

export interface CityFlow {
  fromCity: string;
  toCity: string;
  bookings: number;
  hours: number;
}

export function utilisationPath(params: { organisationId: string; from: string; to: string }, csv = false) {
  return `/api/v1/reports/utilisation${queryString({ ...params, format: csv ? 'csv' : undefined })}`;
}

export function revenuePath(params: { organisationId: string; year: string }, csv = false) {
  return `/api/v1/reports/revenue${queryString({ ...params, format: csv ? 'csv' : undefined })}`;
}

export function crossCityPath(params: { from: string; to: string }, csv = false) {
  return `/api/v1/reports/cross-city${queryString({ ...params, format: csv ? 'csv' : undefined })}`;
}

export function fetchUtilisation(params: { organisationId: string; from: string; to: string }, signal?: AbortSignal) {
  return apiGet<{ instruments: UtilisationRow[] }>(utilisationPath(params), { signal });
}

export function fetchRevenue(params: { organisationId: string; year: string }, signal?: AbortSignal) {
  return apiGet<{ months: RevenueMonth[] }>(revenuePath(params), { signal });
}

export function fetchCrossCity(params: { from: string; to: string }, signal?: AbortSignal) {
  return apiGet<{ flows: CityFlow[] }>(crossCityPath(params), { signal });
}
