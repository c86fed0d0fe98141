/** The client id of the web app; the Keycloak realm export registers the same one. */
export const WEB_CLIENT_ID = 'bildungsregion-web';
