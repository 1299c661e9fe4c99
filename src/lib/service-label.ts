/** "JNE Reguler", not "JNE JNE Reguler": most service names already start with their courier. */
export function serviceLabel(courier: string, service: string): string {
  return service.toLowerCase().startsWith(courier.toLowerCase()) ? service : `${courier} ${service}`;
}
