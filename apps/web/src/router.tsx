import { createBrowserRouter } from 'react-router';
import { OverviewPage } from './goals/OverviewPage';
import { Layout } from './shell/Layout';
import { NotFound } from './shell/NotFound';
import { SignedOut, SignInCallback } from './shell/SignInCallback';

/** A page in a chunk of its own, loaded when it is first opened: the dashboard alone is in the first chunk. */
function page<Module>(load: () => Promise<Module>, name: keyof Module) {
  return async () => ({ Component: (await load())[name] as React.ComponentType });
}

/** The app's addresses are German words, as people read and share them. */
export const router = createBrowserRouter([
  { path: '/anmeldung', element: <SignInCallback /> },
  { path: '/abgemeldet', element: <SignedOut /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'ziele', lazy: page(() => import('./goals/GoalListPage'), 'GoalListPage') },
      { path: 'ziele/neu', lazy: page(() => import('./goals/NewGoalPage'), 'NewGoalPage') },
      { path: 'ziele/:id', lazy: page(() => import('./goals/GoalPage'), 'GoalPage') },
      { path: 'ideen', lazy: page(() => import('./ideas/IdeaListPage'), 'IdeaListPage') },
      { path: 'ideen/neu', lazy: page(() => import('./ideas/NewIdeaPage'), 'NewIdeaPage') },
      { path: 'ideen/:id', lazy: page(() => import('./ideas/IdeaPage'), 'IdeaPage') },
      { path: 'ideenaufrufe', lazy: page(() => import('./ideas/CallsPage'), 'CallsPage') },
      { path: 'ideenaufrufe/:id', lazy: page(() => import('./ideas/CallPage'), 'CallPage') },
      { path: 'akteure', lazy: page(() => import('./actors/ActorsPage'), 'ActorsPage') },
      { path: 'akteure/neu', lazy: page(() => import('./actors/NewActorPage'), 'NewActorPage') },
      { path: 'akteure/:id', lazy: page(() => import('./actors/ActorPage'), 'ActorPage') },
      { path: 'netzwerke', lazy: page(() => import('./actors/NetworksPage'), 'NetworksPage') },
      { path: 'netzwerke/:id', lazy: page(() => import('./actors/NetworkPage'), 'NetworkPage') },
      { path: 'einrichtungen', lazy: page(() => import('./capacity/InstitutionsPage'), 'InstitutionsPage') },
      { path: 'einrichtungen/:id', lazy: page(() => import('./capacity/InstitutionPage'), 'InstitutionPage') },
      { path: 'angebote', lazy: page(() => import('./capacity/OfferingsPage'), 'OfferingsPage') },
      { path: 'massnahmen', lazy: page(() => import('./measures/MeasuresPage'), 'MeasuresPage') },
      { path: 'massnahmen/:id', lazy: page(() => import('./measures/MeasurePage'), 'MeasurePage') },
      {
        path: 'kapazitaetsplanung',
        lazy: page(() => import('./capacity/CapacityPlanPage'), 'CapacityPlanPage'),
      },
      {
        path: 'kapazitaetsplanung/gemeinden/:regionKey',
        lazy: page(() => import('./capacity/MunicipalityPlanPage'), 'MunicipalityPlanPage'),
      },
      {
        path: 'kapazitaetsplanung/szenarien',
        lazy: page(() => import('./capacity/ScenariosPage'), 'ScenariosPage'),
      },
      { path: 'monitoring', lazy: page(() => import('./monitoring/CataloguePage'), 'CataloguePage') },
      {
        path: 'monitoring/indikatoren/:key',
        lazy: page(() => import('./monitoring/IndicatorPage'), 'IndicatorPage'),
      },
      { path: 'monitoring/import', lazy: page(() => import('./monitoring/ImportPage'), 'ImportPage') },
      { path: 'monitoring/freigaben', lazy: page(() => import('./monitoring/ReleasesPage'), 'ReleasesPage') },
      { path: 'pruefung', lazy: page(() => import('./audit/AuditPage'), 'AuditPage') },
      { path: 'pruefung/ziele/:id', lazy: page(() => import('./audit/GoalAuditPage'), 'GoalAuditPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
