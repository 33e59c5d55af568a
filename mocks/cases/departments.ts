import type { Department, DepartmentId } from '../../src/domain/department';

/**
 * The demo city's departments (`GET /departments`): Jincheng's functional bureaus under their usual names, each
 * with the kinds of case the command centre hands it, and how punctual it is (`onTime`, the generator's own:
 * the league table should have a top and a bottom, as the real 红黑榜 does).
 */
export interface DemoDepartment extends Department {
  onTime: number;
}

export const demoDepartments: readonly DemoDepartment[] = [
  { id: 'urban_management', name: '市城市管理局', categories: ['environment', 'livelihood'], onTime: 0.9 },
  {
    id: 'housing',
    name: '市住房和城乡建设局',
    categories: ['property', 'safety_hazard', 'livelihood'],
    onTime: 0.82,
  },
  { id: 'public_security', name: '市公安局', categories: ['stability', 'dispute'], onTime: 0.95 },
  { id: 'emergency', name: '市应急管理局', categories: ['safety_hazard'], onTime: 0.93 },
  { id: 'ecology', name: '市生态环境局', categories: ['environment'], onTime: 0.86 },
  {
    id: 'market_regulation',
    name: '市市场监督管理局',
    categories: ['livelihood', 'safety_hazard'],
    onTime: 0.88,
  },
  {
    id: 'human_resources',
    name: '市人力资源和社会保障局',
    categories: ['dispute', 'livelihood'],
    onTime: 0.78,
  },
  { id: 'civil_affairs', name: '市民政局', categories: ['livelihood'], onTime: 0.91 },
  { id: 'petitions', name: '市信访局', categories: ['stability', 'dispute'], onTime: 0.84 },
  { id: 'water', name: '市水务局', categories: ['livelihood', 'environment'], onTime: 0.87 },
];

export const demoDepartment = (id: DepartmentId): DemoDepartment | undefined =>
  demoDepartments.find((department) => department.id === id);
